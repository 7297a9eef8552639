// Issue 13: bad input (fast-check, bounded) to the notification center's RPCs: a clear 4xx with a
// code, never a 5xx, and nothing written (preferences, grants, read marks).
import fc from 'fast-check';
import { callApi, signInFresh, sql, type SignedInUser } from '../support/clients';

const RUNS = 50;
const rpc = (name: string, token: string, body: unknown) => callApi(`/rest/v1/rpc/${name}`, { token, body });

function expectClear4xx(res: Awaited<ReturnType<typeof callApi>>): void {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(typeof (res.body?.code ?? res.body?.message)).toBe('string');
}

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '2026-13-45', '9'.repeat(400), "'; drop table public.notifications; --", '<script>'),
);

async function written(userId: string) {
  const [r] = await sql<{ prefs: number; grants: number; read: number }>(
    `select (select count(*)::int from public.notification_preferences where user_id = $1) as prefs,
            (select count(*)::int from private.wechat_subscribe_grants where user_id = $1) as grants,
            (select count(*)::int from public.notifications where user_id = $1 and read_at is not null) as read`, [userId]);
  return r;
}

describe('fuzz: notification RPCs answer bad input with 4xx and write nothing', () => {
  let user: SignedInUser;
  beforeAll(async () => {
    user = await signInFresh();
    await sql(`select private.notify($1, 'account_report', '模糊测试通知', '', '{}'::jsonb)`, [user.userId]);
  });

  it('set_notification_preference', async () => {
    const before = await written(user.userId);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, fc.constantFrom('account_action', 'agreement_updated')),
        fc.oneof(junk, fc.constantFrom('sms', 'wecom', 'wechat_subscribe')),
        fc.constantFrom(null, false, 'x', '2', 'maybe'),
        async (kind, channel, enabled) => {
          // a valid kind is mandatory here, so turning it off (or null) is always refused
          expectClear4xx(await rpc('set_notification_preference', user.token, { p_kind: kind, p_channel: channel, p_enabled: enabled }));
        },
      ),
      { numRuns: RUNS },
    );
    expect(await written(user.userId)).toEqual(before);
  });

  it('record_wechat_subscriptions', async () => {
    const before = await written(user.userId);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.constant([]),
          fc.constant(Array.from({ length: 21 }, () => 'zxLocalTplTodo00000000000000000000000002'))),
        async (ids) => {
          expectClear4xx(await rpc('record_wechat_subscriptions', user.token, { p_template_ids: ids }));
        },
      ),
      { numRuns: RUNS },
    );
    expect(await written(user.userId)).toEqual(before);
  });

  it('my_notifications', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(null), fc.constant('2026-01-01T00:00:00Z'), junk),
        fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 101, max: 100000 }), fc.constant(null), fc.string({ maxLength: 4 }).filter((t) => !/^\s*[+-]?\d+\s*$/.test(t))),
        async (before, limit) => {
          expectClear4xx(await rpc('my_notifications', user.token, { p_before: before, p_limit: limit }));
        },
      ),
      { numRuns: RUNS },
    );
    expect((await written(user.userId)).read).toBe(0);
  });
});
