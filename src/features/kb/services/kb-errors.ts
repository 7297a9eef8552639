// Server codes of the knowledge base → what people read. The server's hint says the same in most
// cases; these are the texts the app guarantees (and the ones it needs without a server hint).
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';

export const KB_MESSAGES: Record<string, string> = {
  kb_node_not_found: '找不到该内容，或你没有查看权限',
  kb_forbidden: '你没有权限执行这个操作',
  kb_title_invalid: '标题须为 1–100 个字符，不能包含斜杠',
  kb_delta_invalid: '页面内容格式不正确',
  kb_version_conflict: '页面已被他人更新，请刷新后再保存',
  kb_version_not_found: '找不到该版本',
  kb_comments_disabled: '该页面已关闭评论',
  kb_comment_invalid: '评论须为 1–1000 个字符',
  kb_query_invalid: '请输入 1–100 个字符的搜索词',
  kb_trash_expired: '已超过 30 天，无法恢复',
  kb_parent_in_trash: '上级文件夹也在回收站中，请先恢复上级文件夹',
  kb_not_in_trash: '该内容不在回收站中',
  kb_space_kind_invalid: '空间类型须为企业、团队或个人',
  not_enterprise_member: '你不是该企业的成员',
  account_restricted: '账号功能受限，暂时不能发布或评论内容',
  enterprise_suspended: '该企业已被暂停，暂时只能查看',
};

export function kbError(failure: unknown): AppError {
  if (failure instanceof AppError) return failure;
  const e = (failure ?? {}) as { message?: unknown; hint?: unknown; code?: unknown };
  const code = typeof e.message === 'string' ? e.message : '';
  if (code in KB_MESSAGES) return new AppError(code, KB_MESSAGES[code]);
  if (typeof e.hint === 'string' && /[\u4e00-\u9fff]/.test(e.hint)) return new AppError(code || 'kb_error', e.hint);
  if (failure instanceof TypeError || /fetch|network/i.test(code)) return new AppError('network', NETWORK_ERROR_MESSAGE);
  return new AppError(code || 'unknown', UNKNOWN_ERROR_MESSAGE);
}
