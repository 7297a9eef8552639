import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ConfirmAction } from '../../../../ui/confirm-action';
import { useAction } from '../../../../lib/hooks/use-action';
import { Button } from '../../../../ui/button';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { firstMessage, invitationOptionsSchema } from '../../schemas/enterprise.schema';
import { adminService, type AdminService } from '../../services/admin.service';
import type { CreatedInvitation, InvitationRow, MemberRole } from '../../services/enterprise.types';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { ROLE_LABEL } from '../labels';
import { LoadState } from '../../../../ui/load-state';
import { TextField } from '../../../../ui/text-field';
import { InvitationShare } from './invitation-share';
import { formatShanghai } from '../../../../lib/time';
import { FormError } from '../../../../ui/form-error';

export interface InvitationsPanelProps {
  enterpriseId: string;
  service?: Pick<AdminService, 'listInvitations' | 'createInvitation' | 'revokeInvitation'>;
}

const VALIDITY = [
  { value: '24', label: '1 天' },
  { value: '168', label: '7 天' },
  { value: '720', label: '30 天' },
];

function stateOf(inv: InvitationRow): string {
  if (inv.revoked_at) return '已撤销';
  if (new Date(inv.expires_at).getTime() <= Date.now()) return '已过期';
  if (inv.max_uses !== null && inv.use_count >= inv.max_uses) return '已用完';
  return '有效';
}

/** 邀请成员: create (role, validity, max uses) → link / QR / code; list and revoke. */
export function InvitationsPanel({ enterpriseId, service = adminService }: InvitationsPanelProps) {
  const list = useLoader(() => service.listInvitations(enterpriseId), enterpriseId);
  const [role, setRole] = useState<MemberRole>('member');
  const [hours, setHours] = useState('168');
  const [maxUses, setMaxUses] = useState('');
  const { busy, error, setError, run } = useAction();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  const create = async () => {
    const parsed = invitationOptionsSchema.safeParse({ role, validHours: Number(hours), maxUses: maxUses.trim() ? Number(maxUses) : null });
    if (!parsed.success) return setError(firstMessage(parsed.error));
    return void run(async () => {
      setCreated(await service.createInvitation(enterpriseId, parsed.data));
      list.reload();
    });
  };

  return (
    <View data-testid='admin-invitations'>
      <View className='card'>
        <ChoiceChips label='加入后的角色' testId='invite-role' value={role} onChange={(v) => setRole(v as MemberRole)} options={[{ value: 'member', label: '成员' }, { value: 'admin', label: '管理员' }]} />
        <ChoiceChips label='有效期' testId='invite-validity' value={hours} onChange={setHours} options={VALIDITY} />
        <TextField label='最多使用次数（留空不限）' type='number' value={maxUses} onChange={setMaxUses} testId='invite-max-uses' placeholder='不限' maxLength={5} />
        <FormError message={error} testId='invite-error' />
        <Button type='primary' block role='button' loading={busy} disabled={busy} data-testid='invite-create' onClick={() => void create()}>
          生成邀请
        </Button>
      </View>
      {created && <InvitationShare invitation={created} />}
      <Text className='ent-section-title'>邀请记录</Text>
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload} isEmpty={list.data?.length === 0} empty='还没有邀请' testId='invitations' />
      {list.data?.map((inv) => (
        <View key={inv.id} className='ent-item' data-testid={`invitation-${inv.code}`}>
          <View className='ent-row'>
            <Text className='ent-title'>{inv.code}</Text>
            <Text className='ent-tag' data-testid={`invitation-${inv.code}-state`}>
              {stateOf(inv)}
            </Text>
          </View>
          <Text className='ent-muted'>
            {ROLE_LABEL[inv.role]} · 已使用 {inv.use_count}
            {inv.max_uses !== null ? ` / ${inv.max_uses}` : ''} 次 · 有效期至 {formatShanghai(inv.expires_at, '—')}
          </Text>
          {stateOf(inv) === '有效' && (
            <ConfirmAction
              label='撤销'
              message='撤销后，该邀请的链接、二维码和邀请码都将失效。'
              confirmLabel='确认撤销'
              testId={`invitation-${inv.code}-revoke`}
              onConfirm={() => service.revokeInvitation(inv.id).then(list.reload)}
            />
          )}
        </View>
      ))}
    </View>
  );
}
