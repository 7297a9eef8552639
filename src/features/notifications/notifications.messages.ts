// The table only (no runtime): importing identity's index would pull in its services and Taro.
import { behindTheGate } from '../identity/identity.messages';

// Stable codes of the notification center's RPCs (docs/api.md, "Notification center") → Chinese.
export const NOTIFICATION_ERROR_MESSAGES: Record<string, string> = {
  limit_invalid: '每次可加载 1–100 条通知',
  notification_ids_invalid: '请选择 1–200 条通知',
  notification_kind_invalid: '没有这类通知',
  notification_channel_invalid: '通知渠道无效',
  enabled_invalid: '请选择开启或关闭',
  notification_kind_mandatory: '该类通知不可关闭',
  template_ids_invalid: '请选择 1–20 个订阅消息模板',
  template_unknown: '订阅消息模板无效，请更新小程序后重试',
};

export const NOTIFICATION_MESSAGES = behindTheGate(NOTIFICATION_ERROR_MESSAGES);
