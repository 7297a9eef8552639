// Notices (not codes) through Tencent Cloud SMS: one registered template, its parameters in order,
// sent like the verification codes (tencent.ts); the local fake keeps these in the same outbox (its
// `code` field shows the first parameter).
import { type SendResult, sendTemplate, tencentConfigFromEnv } from './tencent.ts';

export function sendTemplateSms(phoneE164: string, templateId: string, params: string[], timeoutMs = 10_000): Promise<SendResult> {
  return sendTemplate(tencentConfigFromEnv(), phoneE164, templateId, params, timeoutMs);
}
