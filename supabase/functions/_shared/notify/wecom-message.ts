// WeCom app messages (`message/send`, POST /cgi-bin/message/send) to a member of our corp, as a text
// from the app `WECOM_AGENT_ID`. WeCom's duplicate check (same text to the same member within 30
// minutes is dropped) backs up the outbox's at-most-once. Corp token from wecom.ts; base URL from env.
import { withWecomToken, type WecomConfig } from '../wechat/wecom.ts';
import { envOr, WechatApiError } from '../wechat/errors.ts';
import { answerOutcome, type ApiAnswer, clip, type DeliveryOutcome, failed, networkOutcome, postWithToken, retry } from './outcome.ts';

export interface WecomNotice {
  /** the sign-in link's subject: `<corpid>:<userid>` */
  subject: string;
  notice: { title: string; body: string; label: string };
  /** where to read it, appended to the text (the app's name and section) */
  footer: string;
}

export const wecomAgentId = (get?: (name: string) => string | undefined) => Number(envOr('WECOM_AGENT_ID', '1000002', get));

/** errcodes after which sending again can't help (member not in the corp / app, bad agent). */
const PERMANENT = new Set([40003, 40056, 60111, 81013, 301002]);

export function wecomText(n: WecomNotice['notice'], footer: string): string {
  return clip(`【${n.label}】${n.title}\n${n.body}`, 400) + `\n${footer}`;
}

export async function sendWecomMessage(cfg: WecomConfig, agentId: number, msg: WecomNotice, timeoutMs = 8_000): Promise<DeliveryOutcome> {
  const sep = msg.subject.indexOf(':');
  const corpId = msg.subject.slice(0, sep);
  const userId = msg.subject.slice(sep + 1);
  // A member of another corp signed in through their own WeCom: our corp's token can't reach them.
  if (sep <= 0 || !userId || corpId !== cfg.corpId) return failed('wecom:other_corp');
  let body: ApiAnswer & { invaliduser?: string };
  try {
    body = await withWecomToken(cfg, (token) =>
      postWithToken<ApiAnswer & { invaliduser?: string }>(cfg.baseUrl, '/cgi-bin/message/send', token, {
        touser: userId,
        msgtype: 'text',
        agentid: agentId,
        text: { content: wecomText(msg.notice, msg.footer) },
        safe: 0,
        enable_duplicate_check: 1,
        duplicate_check_interval: 1800,
      }, timeoutMs),
    );
  } catch (e) {
    return e instanceof WechatApiError ? retry(`wecom:token_${e.errcode}`) : networkOutcome('wecom', e);
  }
  const code = Number(body.errcode ?? 0);
  // errcode 0 with the member listed as invalid: WeCom accepted the call but reached nobody.
  if (code === 0 && body.invaliduser) return failed('wecom:invaliduser');
  return answerOutcome('wecom', code, PERMANENT);
}
