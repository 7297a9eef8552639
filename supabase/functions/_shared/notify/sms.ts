// Notices by text through the Tencent SMS adapter (sms/tencent.ts): one registered template,
// "您有一条{1}通知：{2}。请打开知享查看。" ({1} the kind, {2} the title; Tencent caps variables, so
// both are cut). Provider codes → retry (rate limits, Tencent's own failures) or failed (bad number,
// template or signature: sending again can't help).
import { sendTemplate, type TencentSmsConfig } from '../sms/tencent.ts';
import { clip, type DeliveryOutcome, failed, retry, sent } from './outcome.ts';

export async function sendSmsNotice(
  cfg: TencentSmsConfig,
  templateId: string,
  phoneE164: string,
  notice: { title: string; label: string },
  timeoutMs = 8_000,
): Promise<DeliveryOutcome> {
  const r = await sendTemplate(cfg, phoneE164, templateId, [clip(notice.label, 12), clip(notice.title, 20)], timeoutMs);
  if (r.ok) return sent();
  const code = `sms:${r.code}`;
  // A timeout may have reached Tencent: not sent again. A refused connection did not.
  if (r.code === 'NetworkError') return /timed out|abort/i.test(r.message) ? failed('sms:timeout') : retry(code);
  if (r.code.startsWith('LimitExceeded') || r.code === 'RequestLimitExceeded' || r.code.startsWith('InternalError')
    || r.code === 'InvalidResponse' || r.code.startsWith('FailedOperation.InsufficientBalance')) return retry(code);
  return failed(code);
}
