// The knowledge base's codes (docs/api.md › Knowledge base) → what people read. The server's hint
// wins where it is more precise (one code, several situations: kb_forbidden says which right).
import type { ModuleMessages } from '../../lib/data';

export const KB_MESSAGES: ModuleMessages = {
  serverTextFirst: true,
  messages: {
    kb_node_not_found: '找不到该内容，或你没有查看权限',
    kb_forbidden: '你没有权限执行这个操作',
    kb_title_invalid: '标题须为 1–100 个字符，不能包含斜杠',
    kb_description_invalid: '描述最多 500 个字符',
    kb_delta_invalid: '页面内容格式不正确',
    kb_version_conflict: '页面已被他人更新，请刷新后再保存',
    kb_version_not_found: '找不到该版本',
    kb_comments_disabled: '该页面已关闭评论',
    kb_comment_invalid: '评论须为 1–1000 个字符',
    kb_comment_not_found: '找不到该评论',
    kb_query_invalid: '请输入 1–100 个字符的搜索词',
    kb_limit_invalid: '每页最多 50 条',
    kb_trash_expired: '已超过 30 天，无法恢复',
    kb_parent_in_trash: '上级文件夹也在回收站中，请先恢复上级文件夹',
    kb_not_in_trash: '该内容不在回收站中',
    kb_space_kind_invalid: '空间类型须为企业、团队或个人',
    kb_kind_invalid: '只能创建文件夹、页面或文件',
    kb_parent_not_folder: '只能在空间或文件夹中创建内容',
    kb_too_deep: '目录层级最多 12 层',
    kb_move_into_itself: '不能移动到自身或其子文件夹中',
    kb_not_a_page: '只有页面可以编辑正文',
    kb_not_a_file: '只有文件节点可以上传文件',
    kb_file_missing: '请先上传文件',
    // the server's hint says how much is used of how much (已用 X / 共 Y)
    kb_storage_full: '存储空间已满，请联系管理员清理或升级版本',
    kb_grants_invalid: '权限设置格式不正确',
    kb_space_must_set_grants: '空间必须设置自己的权限',
    not_enterprise_member: '你不是该企业的成员',
    file_too_large: '文件太大，无法上传',
    file_type_invalid: '不支持这种文件类型',
    upload_failed: '上传失败，请稍后重试',
    kb_not_a_space: '只能为空间设置水印或防复制',
    kb_flag_invalid: '请选择开启或关闭',
    kb_media_unavailable: '文件暂时无法打开，或你没有查看权限',
    kb_copy_kind_invalid: '只能复制页面或文件夹',
    kb_copy_into_itself: '不能复制到自身或其子文件夹中',
    kb_copy_too_large: '一次最多复制 500 个页面和文件夹',
    kb_template_title_invalid: '模板名称须为 1–50 个字符',
    kb_template_limit: '模板最多 100 个，请先删除不用的模板',
    kb_template_not_found: '找不到该模板',
  },
};

/**
 * The governance screens' codes (20261215010000_kb_governance.sql), on top of the module's table. Kept
 * apart: the KB home is built into the weapp main package, these screens are in the kb subpackage.
 */
export const KB_GOVERNANCE_MESSAGES: ModuleMessages = {
  ...KB_MESSAGES,
  messages: {
    ...KB_MESSAGES.messages,
    kb_approval_required: '该空间的修改需经管理者审核后发布，请提交审核',
    kb_review_not_found: '找不到该审核',
    kb_review_decided: '该修改已经审核过了',
    kb_review_reason_invalid: '请填写 1–200 个字的驳回原因',
    kb_review_date_invalid: '复查日期须在今天到五年之内',
    member_not_found: '该用户不是本企业成员',
  },
};
