// Notices (not codes) through Tencent Cloud SMS: one registered template, its parameters in order.
// Same signing and endpoint as the verification codes (tencent.ts); the local fake keeps these in the
// same outbox (its `code` field shows the first parameter).
import { type SendResult, tc3Authorization, tencentConfigFromEnv } from './tencent.ts';

export async function sendTemplateSms(phoneE164: string, templateId: string, params: string[], timeoutMs = 10_000): Promise<SendResult> {
  const cfg = tencentConfigFromEnv();
  const url = new URL(cfg.baseUrl);
  const payload = JSON.stringify({
    PhoneNumberSet: [phoneE164],
    SmsSdkAppId: cfg.sdkAppId,
    SignName: cfg.signName,
    TemplateId: templateId,
    TemplateParamSet: params,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: await tc3Authorization(cfg, url.host, payload, timestamp),
        'Content-Type': 'application/json; charset=utf-8',
        'X-TC-Action': 'SendSms',
        'X-TC-Version': '2021-01-11',
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Region': cfg.region,
      },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    return { ok: false, code: 'NetworkError', message: e instanceof Error ? e.message : String(e) };
  }
  const body = await res.json().catch(() => ({})) as {
    Response?: { Error?: { Code?: string; Message?: string }; SendStatusSet?: Array<{ Code?: string; Message?: string }> };
  };
  const r = body.Response ?? {};
  if (r.Error) return { ok: false, code: r.Error.Code ?? 'Unknown', message: r.Error.Message ?? '' };
  const status = r.SendStatusSet?.[0];
  if (!status) return { ok: false, code: 'InvalidResponse', message: `HTTP ${res.status}` };
  return { ok: status.Code === 'Ok', code: status.Code ?? 'Unknown', message: status.Message ?? '' };
}
