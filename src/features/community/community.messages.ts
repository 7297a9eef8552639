import type { ModuleMessages } from '../../lib/data';

// Stable codes of the community RPCs and the community-publish function (docs/api.md › Community).
// The server's hints carry specifics (restriction end dates, blocked words), so its text wins; the
// table covers codes answered without one.
export const COMMUNITY_MESSAGES: ModuleMessages = {
  serverTextFirst: true,
  messages: {
    not_community_moderator: '仅企业管理员或社区管理员可以执行此操作',
    section_not_found: '版块不存在或已停用',
    post_not_found: '帖子不存在',
    content_not_found: '内容不存在或已被删除',
    content_blocked: '内容包含不允许发布的词语，请修改后再发布',
    content_risky: '内容可能违规，不能发布',
    publish_check_required: '内容未经过发布检查，请重新提交',
    title_invalid: '标题须为 2–60 个字',
    body_length_invalid: '正文须为 1–20000 个字',
    comment_length_invalid: '评论须为 1–2000 个字',
    already_reported: '你已举报过该内容，请等待处理',
    report_limit: '今天的举报次数已达上限，请明天再试',
    report_category_invalid: '请选择举报类型',
    own_content: '不能处理或举报自己发布的内容',
    case_closed: '该事项已处理',
    reason_required: '请填写理由（2–500 字）',
    days_invalid: '请填写 1–365 天',
    appeal_used: '每项处理只能申诉一次',
    appeal_text_invalid: '申诉理由须为 5–1000 字',
    appeal_needs_other_moderator: '申诉须由作出处理的人以外的管理员处理',
    community_restricted: '你在本企业社区的发布功能已被限制，期间只能浏览',
    community_suspended: '你在本企业社区的成员资格已被暂停',
    account_restricted: '账号功能受限：暂时不能发布或评论内容',
    too_many_mentions: '一次最多提及 20 位同事',
  },
};
