// One claimed delivery → the adapter of its channel. The worker (notify-deliveries) reports the
// outcome to the database; nothing here touches the database.
import { tencentConfigFromEnv } from '../sms/tencent.ts';
import { weixinConfigFromEnv } from '../wechat/weixin.ts';
import { wecomConfigFromEnv } from '../wechat/wecom.ts';
import { envOr } from '../wechat/errors.ts';
import { ROUTES } from '../routes.ts';
import { type DeliveryOutcome, failed } from './outcome.ts';
import { sendSmsNotice } from './sms.ts';
import { sendSubscribeMessage } from './wechat-subscribe.ts';
import { sendWecomMessage, wecomAgentId } from './wecom-message.ts';

/** A row of notification_deliveries_claim(). */
export interface ClaimedDelivery {
  id: string;
  claim_id: string;
  channel: 'sms' | 'wechat_subscribe' | 'wecom';
  attempts: number;
  notification_id: string;
  kind: string;
  label: string;
  title: string;
  body: string;
  created_at: string;
  target: { kind: string; id: string | null } | null;
  address: string | null;
  template_id: string | null;
  fields: Record<string, string> | null;
}

/** The inbox page a message opens (the notice is highlighted there, then its object is one tap away). */
export const INBOX_PAGE = ROUTES.inbox.path;

export function deliver(d: ClaimedDelivery, get?: (name: string) => string | undefined): Promise<DeliveryOutcome> {
  if (!d.address) return Promise.resolve(failed(`${d.channel}:no_address`));
  const notice = { title: d.title, body: d.body, label: d.label, createdAt: d.created_at };
  switch (d.channel) {
    case 'sms':
      return sendSmsNotice(tencentConfigFromEnv(get), envOr('TENCENT_SMS_NOTICE_TEMPLATE_ID', '1000002', get), d.address, notice);
    case 'wechat_subscribe':
      if (!d.template_id || !d.fields) return Promise.resolve(failed('wechat:no_template'));
      return sendSubscribeMessage(weixinConfigFromEnv(get), {
        openid: d.address,
        templateId: d.template_id,
        fields: d.fields,
        notice,
        page: `${INBOX_PAGE}?id=${d.notification_id}`,
        state: envOr('WECHAT_MINIPROGRAM_STATE', 'formal', get) as 'developer' | 'trial' | 'formal',
      });
    case 'wecom':
      return sendWecomMessage(wecomConfigFromEnv(get), wecomAgentId(get), {
        subject: d.address,
        notice,
        footer: '请在企业微信工作台打开「知享」查看。',
      });
  }
}
