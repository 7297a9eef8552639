// LX 2.1.2: what happens to a member's content when they leave or are removed (docs/api.md ›
// Knowledge base › Former members). The rule is the enterprise's; the knowledge base and the
// community apply it when the membership ends.
import { asShape } from '../../../lib/data';
import { db } from './enterprise.db';

export type ContentRule = 'keep' | 'transfer';

export interface MemberContentRule {
  rule: ContentRule;
  transfer_to: string | null;
  transfer_to_name: string | null;
  /** who may receive content: admins and content managers */
  managers: Array<{ user_id: string; name: string }>;
  former_members: Array<{ user_id: string; name: string; ended: 'left' | 'removed' | 'cancelled'; rule_applied: ContentRule; left_at: string }>;
}

export const memberContentRule = (enterpriseId: string) =>
  db.call('member_content_rule', { p_enterprise_id: enterpriseId }).then(asShape<MemberContentRule>());

export const setMemberContentRule = (enterpriseId: string, rule: ContentRule, transferTo: string | null) =>
  db.run('set_member_content_rule', transferTo ? { p_enterprise_id: enterpriseId, p_rule: rule, p_transfer_to: transferTo } : { p_enterprise_id: enterpriseId, p_rule: rule });

export const memberContentService = { memberContentRule, setMemberContentRule };
export type MemberContentService = typeof memberContentService;
