// The vertical slice's data rules, through the gateway as the app calls them.
import { anonClient, serviceClient, signInCleared, signInWithSms, sql } from '../support/clients';
import { getStack } from '../support/stack';

describe('profiles', () => {
  it('a new phone user gets a profile they can read, with the phone masked', async () => {
    const { client, phone, userId } = await signInWithSms();
    const { data, error } = await client.rpc('get_my_profile');
    expect(error).toBeNull();
    const digits = phone.replace('+86', '');
    expect(data).toMatchObject({ id: userId, display_name: '', has_password: false });
    expect(data.phone_masked).toBe(`${digits.slice(0, 3)}****${digits.slice(7)}`);
  });

  it('renames through the RPC, trimming and validating the name', async () => {
    const { client, userId } = await signInCleared();
    const ok = await client.rpc('update_my_profile', { p_display_name: '  陈静  ' });
    expect(ok.error).toBeNull();
    expect(ok.data.display_name).toBe('陈静');
    const [row] = await sql<{ display_name: string }>('select display_name from public.profiles where id = $1', [userId]);
    expect(row.display_name).toBe('陈静');

    for (const bad of ['', '   ', 'x'.repeat(41), 'a\u0007b']) {
      const res = await client.rpc('update_my_profile', { p_display_name: bad });
      expect(res.error?.message).toBe('display_name_invalid');
      expect(res.error?.hint).toMatch(/姓名/);
    }
    const [after] = await sql<{ display_name: string }>('select display_name from public.profiles where id = $1', [userId]);
    expect(after.display_name).toBe('陈静');
  });

  it('answers bad input with 400, not 5xx', async () => {
    const { client } = await signInCleared();
    const { data } = await client.auth.getSession();
    const res = await fetch(`${getStack().url}/rest/v1/rpc/update_my_profile`, {
      method: 'POST',
      headers: {
        apikey: getStack().anonKey,
        authorization: `Bearer ${data.session!.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ p_display_name: 'x'.repeat(41) }),
    });
    expect(res.status).toBe(400);
  });

  it('nobody reads or writes another person’s profile', async () => {
    const alice = await signInCleared();
    const bob = await signInCleared();
    await alice.client.rpc('update_my_profile', { p_display_name: '爱丽丝' });

    const read = await bob.client.from('profiles').select('*').eq('id', alice.userId);
    expect(read.data).toEqual([]);

    // Direct table writes are not granted: only the RPC (which only touches the caller's row) can.
    const write = await bob.client.from('profiles').update({ display_name: '冒名' }).eq('id', alice.userId).select();
    expect(write.error).not.toBeNull();
    const insert = await bob.client.from('profiles').insert({ id: bob.userId, display_name: '重复' });
    expect(insert.error).not.toBeNull();
    const [row] = await sql<{ display_name: string }>('select display_name from public.profiles where id = $1', [alice.userId]);
    expect(row.display_name).toBe('爱丽丝');
  });

  it('anonymous callers get nothing', async () => {
    const anon = anonClient();
    const rpc = await anon.rpc('get_my_profile');
    expect(rpc.error).not.toBeNull();
    const list = await anon.from('profiles').select('*');
    expect(list.data ?? []).toEqual([]);
  });

  it('deleting the auth user removes the profile', async () => {
    const { userId } = await signInWithSms();
    const del = await serviceClient().auth.admin.deleteUser(userId);
    expect(del.error).toBeNull();
    const rows = await sql('select 1 from public.profiles where id = $1', [userId]);
    expect(rows).toHaveLength(0);
  });
});
