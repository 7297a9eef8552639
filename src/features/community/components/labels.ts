import type { ModerationAction, PostType } from '../services/community.types';

export const ACTION_LABELS: Record<ModerationAction, string> = {
  hide: '屏蔽',
  delete: '删除',
  require_edit: '要求修改',
  dismiss: '不违规',
  warn: '警告',
  restrict: '限制发布',
  suspend: '暂停社区资格',
  escalate: '提交平台',
};

export const APPEAL_LABELS: Record<string, string> = { pending: '申诉处理中', upheld: '申诉未获支持', overturned: '申诉成功，已撤销' };

/** The content types as 发帖 offers them (announcements only to moderators). */
export const TYPE_LABELS: Record<PostType, string> = { post: '帖子', question: '提问', poll: '投票', event: '活动', announcement: '公告' };
