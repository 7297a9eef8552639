// WeChat mini-program subscribe messages (`subscribeMessage.send`, POST
// /cgi-bin/message/subscribe/send): one message per grant the member gave in
// wx.requestSubscribeMessage. Uses the app's shared access token (weixin.ts); base URL from env.
import { withAccessToken, type WeixinConfig } from '../wechat/weixin.ts';
import { WechatApiError } from '../wechat/errors.ts';
import { answerOutcome, type ApiAnswer, chinaTime, clip, type DeliveryOutcome, networkOutcome, postWithToken, retry } from './outcome.ts';

export interface SubscribeNotice {
  openid: string;
  templateId: string;
  /** template keyword → which part of the notice fills it: title, body, kind or time */
  fields: Record<string, string>;
  notice: { title: string; body: string; label: string; createdAt: string };
  /** the app page the message opens, without a leading slash, with its query */
  page: string;
  /** developer / trial / formal: which version of the mini-program the message opens */
  state: 'developer' | 'trial' | 'formal';
}

/** Keyword values within WeChat's limits: thing ≤ 20 characters, phrase ≤ 5, time as 2026年12月6日 19:40. */
export function subscribeData(fields: Record<string, string>, notice: SubscribeNotice['notice']): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [keyword, source] of Object.entries(fields)) {
    const raw = source === 'title' ? notice.title : source === 'body' ? notice.body : source === 'kind' ? notice.label
      : source === 'time' ? chinaTime(notice.createdAt) : '';
    const max = keyword.startsWith('phrase') ? 5 : keyword.startsWith('time') || keyword.startsWith('date') ? 32 : 20;
    out[keyword] = { value: clip(raw || notice.title, max) };
  }
  return out;
}

/** errcodes after which sending again can't help (the member's grant, the address or the template). */
const PERMANENT = new Set([40003, 40037, 41030, 43101, 47003]);

export async function sendSubscribeMessage(cfg: WeixinConfig, msg: SubscribeNotice, timeoutMs = 8_000): Promise<DeliveryOutcome> {
  let body: ApiAnswer;
  try {
    body = await withAccessToken(cfg, (token) =>
      postWithToken(cfg.baseUrl, '/cgi-bin/message/subscribe/send', token, {
        touser: msg.openid,
        template_id: msg.templateId,
        page: msg.page,
        miniprogram_state: msg.state,
        lang: 'zh_CN',
        data: subscribeData(msg.fields, msg.notice),
      }, timeoutMs),
    );
  } catch (e) {
    // the token fetch failed (WechatApiError) or the send never answered
    return e instanceof WechatApiError ? retry(`wechat:token_${e.errcode}`) : networkOutcome('wechat', e);
  }
  return answerOutcome('wechat', Number(body.errcode ?? 0), PERMANENT);
}
