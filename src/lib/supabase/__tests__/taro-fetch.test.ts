import { createMiniFetch, type MiniRequestOptions, type MiniRequestResult } from '../taro-fetch';

// A stand-in for Taro.request (the runtime boundary): records calls and answers as wx.request does.
function fakeRequest(answer: (options: MiniRequestOptions) => Promise<MiniRequestResult>) {
  const calls: MiniRequestOptions[] = [];
  let aborted = 0;
  const request = (options: MiniRequestOptions) => {
    calls.push(options);
    const promise = answer(options) as Promise<MiniRequestResult> & { abort?: () => void };
    promise.abort = () => {
      aborted += 1;
    };
    return promise;
  };
  return { request, calls, abortCount: () => aborted };
}

const ok = (data: unknown, header: Record<string, unknown> = {}, statusCode = 200) =>
  Promise.resolve({ statusCode, data, header, errMsg: 'request:ok' });

describe('mini-program fetch over Taro.request', () => {
  it('sends method, flattened headers and body as text and reads the response', async () => {
    const fake = fakeRequest(() => ok('{"id":1,"name":"张三"}', { 'Content-Type': 'application/json', 'Content-Range': '0-0/1' }));
    const fetch = createMiniFetch(fake.request);
    const headers = new Map([
      ['Authorization', 'Bearer t'],
      ['apikey', 'k'],
    ]);
    const response = await fetch('https://api.example.com/rest/v1/rpc/get_my_profile', {
      method: 'post',
      headers: { forEach: (cb: (v: string, k: string) => void) => headers.forEach(cb), get: () => null } as unknown as Headers,
      body: '{"a":1}',
    });

    expect(fake.calls[0]).toEqual({
      url: 'https://api.example.com/rest/v1/rpc/get_my_profile',
      method: 'POST',
      header: { authorization: 'Bearer t', apikey: 'k' },
      data: '{"a":1}',
      dataType: 'text',
      responseType: 'text',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('CONTENT-RANGE')).toBe('0-0/1');
    expect(await response.clone().text()).toBe('{"id":1,"name":"张三"}');
    expect(await response.json()).toEqual({ id: 1, name: '张三' });
  });

  it('accepts headers as a record or as pairs', async () => {
    const fake = fakeRequest(() => ok(''));
    const fetch = createMiniFetch(fake.request);
    await fetch('https://x.test/a', { headers: { 'X-Client-Info': 'zx', Accept: 'application/json' } });
    await fetch('https://x.test/b', { headers: [['X-One', '1']] });
    expect(fake.calls[0]?.header).toEqual({ 'x-client-info': 'zx', accept: 'application/json' });
    expect(fake.calls[1]?.header).toEqual({ 'x-one': '1' });
  });

  it('does not send a body on GET (wx.request would turn it into a query string)', async () => {
    const fake = fakeRequest(() => ok('[]'));
    await createMiniFetch(fake.request)('https://x.test/rest/v1/profiles?select=*');
    expect(fake.calls[0]?.method).toBe('GET');
    expect(fake.calls[0]).not.toHaveProperty('data');
  });

  it('refuses PATCH, which wx.request does not support, without calling the runtime', async () => {
    const fake = fakeRequest(() => ok(''));
    const fetch = createMiniFetch(fake.request);
    await expect(fetch('https://x.test/rest/v1/profiles?id=eq.1', { method: 'PATCH', body: '{}' })).rejects.toThrow(
      /PATCH is not supported by wx\.request.*RPC \(POST\)/,
    );
    expect(fake.calls).toHaveLength(0);
  });

  it('reports non-2xx statuses without throwing, like fetch', async () => {
    const fake = fakeRequest(() => ok('{"code":"otp_expired"}', {}, 403));
    const response = await createMiniFetch(fake.request)('https://x.test/auth/v1/verify', { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 'otp_expired' });
  });

  it('gives text back even when the runtime parsed JSON anyway', async () => {
    const fake = fakeRequest(() => ok({ parsed: true }));
    const response = await createMiniFetch(fake.request)('https://x.test/');
    expect(await response.text()).toBe('{"parsed":true}');
  });

  it('turns a runtime failure into a TypeError, like a browser network error', async () => {
    const fake = fakeRequest(() => Promise.reject({ errMsg: 'request:fail timeout' }));
    await expect(createMiniFetch(fake.request)('https://x.test/')).rejects.toThrow(new TypeError('Network request failed: request:fail timeout'));
  });

  it('aborts the request task when the signal fires', async () => {
    const fake = fakeRequest(() => new Promise(() => undefined));
    const controller = new AbortController();
    const pending = createMiniFetch(fake.request)('https://x.test/slow', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.abortCount()).toBe(1);
  });
});
