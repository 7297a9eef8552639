// Issue 10: one WeChat access token per app, kept in the database and shared by every function
// instance (an instance-local cache let cold instances burn the quota and invalidate each other),
// refreshed by exactly one caller at a time.
import { callApi, createEnterpriseAs, inviteCode, signInCleared, sql } from '../support/clients';
import { fakeRequests } from '../support/fake-wechat';
import { getStack } from '../support/stack';
import { Client } from 'pg';

it('functions use the token stored for the app, not one of their own', async () => {
  const admin = await signInCleared();
  const enterpriseId = await createEnterpriseAs(admin);
  const code = await inviteCode(admin, enterpriseId);
  expect((await callApi('/functions/v1/invitation-wxacode', { body: { code }, token: admin.token })).status).toBe(200);
  const [row] = await sql<{ app_key: string }>(`select app_key from private.wechat_access_tokens where app_key like 'wechat|%'`);
  expect(row).toBeDefined();

  // a token issued elsewhere (another instance) is stored: the function must use exactly that one
  const issued = await (await fetch(`${getStack().url}/__local/wechat/cgi-bin/token?grant_type=client_credential&appid=wx0000000000local&secret=local-wechat-app-secret`)).json();
  await sql(`update private.wechat_access_tokens set access_token = $2, expires_at = now() + interval '1 hour' where app_key = $1`,
    [row.app_key, issued.access_token]);
  const code2 = await inviteCode(admin, enterpriseId);
  expect((await callApi('/functions/v1/invitation-wxacode', { body: { code: code2 }, token: admin.token })).status).toBe(200);
  const sent = (await fakeRequests()).find((r) => r.path === '/wechat/wxa/getwxacodeunlimit' && (r.body as { scene?: string })?.scene === code2);
  expect(sent?.query.access_token).toBe(issued.access_token);
});

it('of many concurrent callers needing a token, exactly one gets the lease to refresh it', async () => {
  const key = `wechat|test|${Date.now()}`;
  const answers = await Promise.all(Array.from({ length: 6 }, async () => {
    const c = new Client({ connectionString: getStack().databaseUrl });
    await c.connect();
    try {
      await c.query('set role service_role');
      return (await c.query('select public.wechat_token_lease($1) as r', [key])).rows[0].r as { lease?: string; wait?: boolean };
    } finally {
      await c.end();
    }
  }));
  expect(answers.filter((a) => a.lease)).toHaveLength(1);
  expect(answers.filter((a) => a.wait)).toHaveLength(5);
  // clients cannot reach the table or the functions
  const [{ readable }] = await sql<{ readable: boolean }>(
    `select has_table_privilege('authenticated', 'private.wechat_access_tokens', 'select') as readable`);
  expect(readable).toBe(false);
  const viaApi = await callApi('/rest/v1/rpc/wechat_token_lease', { body: { p_app_key: key } });
  expect(viaApi.status).toBeGreaterThanOrEqual(400);
  expect(viaApi.status).toBeLessThan(500);
});
