// Shapes of the notification center's RPCs (docs/api.md, "Notification center").

export type Channel = 'sms' | 'wechat_subscribe' | 'wecom';

/** Where a notice leads: the kind of object (a page in the route table) and its id. */
export interface NotificationTarget {
  kind: string;
  id: string | null;
}

export interface InboxNotice {
  id: string;
  kind: string;
  /** the kind's label, e.g. 加入申请 */
  label: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  target: NotificationTarget | null;
  created_at: string;
  read_at: string | null;
}

export interface ChannelSetting {
  channel: Channel;
  enabled: boolean;
  /** the member can get this channel at all (a phone, a WeChat or WeCom sign-in) */
  reachable: boolean;
  /** wechat_subscribe: the template to ask a grant for */
  template_id: string | null;
  /** wechat_subscribe: messages left to send */
  grants: number | null;
}

export interface KindSetting {
  kind: string;
  label: string;
  domain: string;
  mandatory: boolean;
  channels: ChannelSetting[];
}
