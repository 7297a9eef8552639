// The wx.request bridge must behave like WeChat's, or the sign-in test proves less than it claims:
// WeChat refuses PATCH (supabase-js `.update()`), answers every HTTP status through `success`,
// and parses JSON only when dataType is 'json'.
import { getStack } from '../support/stack';
import { createWxBridge, type WxRequestOptions, type WxRequestSuccess } from './support/wx-bridge';

type Outcome = { ok: true; result: WxRequestSuccess } | { ok: false; errMsg: string };

function call(bridge: ReturnType<typeof createWxBridge>, options: Omit<WxRequestOptions, 'success' | 'fail'>): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = bridge.wx.request as (o: WxRequestOptions) => unknown;
    request({ ...options, success: (result) => resolve({ ok: true, result }), fail: ({ errMsg }) => resolve({ ok: false, errMsg }) });
  });
}

describe('wx.request bridge', () => {
  const bridge = createWxBridge();
  afterAll(() => bridge.close());

  test('refuses PATCH like WeChat: fail callback, nothing sent', async () => {
    const { url, anonKey } = getStack();
    const outcome = await call(bridge, { url: `${url}/rest/v1/profiles?id=eq.x`, method: 'PATCH', data: '{}', header: { apikey: anonKey } });
    expect(outcome).toEqual({ ok: false, errMsg: expect.stringMatching(/^request:fail parameter error: parameter\.method/) });
    expect(bridge.requests.at(-1)?.statusCode).toBeUndefined();
  });

  test('answers an HTTP error status through success, with parsed JSON and the response headers', async () => {
    const { url } = getStack();
    const outcome = await call(bridge, { url: `${url}/rest/v1/profiles`, method: 'GET' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.statusCode).toBe(401);
    expect(typeof outcome.result.data).toBe('object');
    const contentType = Object.entries(outcome.result.header).find(([name]) => name.toLowerCase() === 'content-type');
    expect(contentType?.[1]).toMatch(/json/);
  });

  test("keeps the body as text when dataType is 'text' (what the app's fetch adapter asks for)", async () => {
    const { url, anonKey } = getStack();
    const outcome = await call(bridge, {
      url: `${url}/auth/v1/settings`,
      method: 'GET',
      header: { apikey: anonKey },
      dataType: 'text',
      responseType: 'text',
    });
    expect(outcome.ok && outcome.result.statusCode).toBe(200);
    expect(outcome.ok && typeof outcome.result.data).toBe('string');
  });
});
