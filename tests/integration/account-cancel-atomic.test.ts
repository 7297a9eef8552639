// Issue 10: a cancellation that fails midway leaves the account exactly as it was. The failure is
// forced with a trigger that refuses deleting this one auth user (as a failing GoTrue or database
// would); the anonymisation before it must be undone too.
import { callApi, latestSmsCode, signInCleared, sql } from '../support/clients';

it('a failed cancellation changes nothing; the retry then completes it', async () => {
  const user = await signInCleared();
  await user.client.rpc('update_my_profile', { p_display_name: '原来的名字' });
  const cancel = (body: unknown) => callApi('/functions/v1/account-cancel', { token: user.token, body });
  const fn = `zx_test_refuse_delete_${user.userId.replace(/-/g, '')}`;
  await sql(`create function public.${fn}() returns trigger language plpgsql as $$
    begin if old.id = '${user.userId}' then raise exception 'forced failure'; end if; return old; end $$`);
  await sql(`create trigger ${fn} before delete on auth.users for each row execute function public.${fn}()`);
  try {
    expect((await cancel({ action: 'send' })).status).toBe(200);
    const failed = await cancel({ action: 'confirm', code: await latestSmsCode(user.phone), acknowledge_irreversible: true });
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('cancel_failed');
  } finally {
    await sql(`drop trigger ${fn} on auth.users`);
    await sql(`drop function public.${fn}()`);
  }
  const [profile] = await sql<{ display_name: string }>('select display_name from public.profiles where id = $1', [user.userId]);
  expect(profile.display_name).toBe('原来的名字');
  const [account] = await sql<{ birth_date: string | null }>('select birth_date from private.accounts where user_id = $1', [user.userId]);
  expect(account.birth_date).not.toBeNull();
  expect(await sql('select 1 from auth.sessions where user_id = $1', [user.userId])).not.toHaveLength(0);
  expect((await user.client.rpc('update_my_profile', { p_display_name: '还能用' })).error).toBeNull();

  // the code was used up; a new one completes the cancellation
  await sql(`update private.sms_challenges set sent_at = now() - interval '2 minutes' where user_id = $1`, [user.userId]);
  expect((await cancel({ action: 'send' })).status).toBe(200);
  const done = await cancel({ action: 'confirm', code: await latestSmsCode(user.phone), acknowledge_irreversible: true });
  expect(done.body).toEqual({ cancelled: true });
  expect(await sql('select 1 from auth.users where id = $1', [user.userId])).toHaveLength(0);
});
