import { fetchLatestLocalSms } from '../services/local-sms.service';

function jsonFetch(body: unknown, status = 200) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

describe('local SMS outbox', () => {
  const sentAt = Date.parse('2026-11-22T02:00:00Z');

  it('asks the local stack for the phone and returns the newest code sent after the request', async () => {
    const { fetchImpl, calls } = jsonFetch([
      { phone: '+8613800138000', code: '222222', sent_at: '2026-11-22T02:00:01Z' },
      { phone: '+8613800138000', code: '111111', sent_at: '2026-11-22T01:50:00Z' },
    ]);
    const sms = await fetchLatestLocalSms('+8613800138000', sentAt, fetchImpl);
    expect(calls[0]?.url).toBe('http://127.0.0.1:55399/__local/sms?phone=%2B8613800138000');
    expect(sms?.code).toBe('222222');
  });

  it('ignores codes older than the request and answers null when the route is absent', async () => {
    const old = jsonFetch([{ phone: '+8613800138000', code: '111111', sent_at: '2026-11-22T01:50:00Z' }]);
    expect(await fetchLatestLocalSms('+8613800138000', sentAt, old.fetchImpl)).toBeNull();
    const missing = jsonFetch({ message: 'not found' }, 404);
    expect(await fetchLatestLocalSms('+8613800138000', sentAt, missing.fetchImpl)).toBeNull();
  });
});
