// Issue 3: agreements and consent for an adult, through the gateway as the app calls them.
import { anonClient, birthDateForAge, callApi, markCleared, signInCleared, signInFresh, sql } from '../support/clients';

interface Missing {
  document_id: string;
  slug: string;
  version_id: string;
  required: boolean;
  needs_guardian: boolean;
}

const OPTIONAL_DOC = 'a0000000-0000-4000-8000-000000000004';
const SERVICE_DOC = 'a0000000-0000-4000-8000-000000000001';

describe('agreements and consent (adult)', () => {
  it('anyone can read the current agreements, with key clauses marked, before signing up', async () => {
    const { data, error } = await anonClient().rpc('get_current_agreements');
    expect(error).toBeNull();
    const slugs = data.map((a: { slug: string }) => a.slug);
    expect(slugs).toEqual(expect.arrayContaining(['service', 'privacy', 'children-privacy', 'learning-recommendations']));
    const service = data.find((a: { slug: string }) => a.slug === 'service');
    expect(service.required).toBe(true);
    expect(service.body_md).toContain('知享');
    expect(service.body_md).not.toMatch(/腾讯乐享/);
    expect(service.body_md).toMatch(/\*\*[^*]*管辖[^*]*\*\*|\*\*13\.5[^*]*\*\*/);
    expect(service.key_clauses.map((k: { title: string }) => k.title).join(' ')).toMatch(/服务变更、中止或终止.*免除或者限制责任.*管辖与法律适用/);
    const table = await anonClient().from('agreement_versions').select('id, version').limit(1);
    expect(table.error).toBeNull();
    expect(table.data).toHaveLength(1);
  });

  it('a new user is blocked until they give a birth date and accept the required agreements', async () => {
    const user = await signInFresh();
    let status = (await user.client.rpc('my_consent_status')).data;
    expect(status).toMatchObject({ cleared: false, gate: 'birth_date_required', age_band: 'unknown', account_status: 'active' });

    const blocked = await user.client.rpc('update_my_profile', { p_display_name: '赵敏' });
    expect(blocked.error?.message).toBe('birth_date_required');
    expect(blocked.error?.hint).toMatch(/出生日期/);

    status = (await user.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(30) })).data;
    expect(status).toMatchObject({ cleared: false, gate: 'consent_required', age_band: 'adult' });
    const missing = status.missing as Missing[];
    expect(missing.filter((m) => m.required).map((m) => m.slug).sort()).toEqual(['privacy', 'service']);
    expect(missing.find((m) => m.slug === 'children-privacy')).toBeUndefined();

    // Only the service agreement ticked: still blocked, nothing pre-ticked on the server either.
    const partial = await user.client.rpc('accept_agreements', {
      p_version_ids: [missing.find((m) => m.slug === 'service')!.version_id],
      p_channel: 'weapp',
    });
    expect(partial.error).toBeNull();
    expect(partial.data).toMatchObject({ cleared: false, gate: 'consent_required' });

    const all = await user.client.rpc('accept_agreements', {
      p_version_ids: missing.filter((m) => m.required).map((m) => m.version_id),
      p_channel: 'weapp',
    });
    expect(all.data).toMatchObject({ cleared: true, gate: null });
    const renamed = await user.client.rpc('update_my_profile', { p_display_name: '赵敏' });
    expect(renamed.error).toBeNull();

    const rows = await sql<{ channel: string; consented_by: string; consented_at: Date }>(
      'select channel, consented_by, consented_at from public.consents where user_id = $1',
      [user.userId],
    );
    expect(rows).toHaveLength(2); // accepting the service agreement twice did not record it twice
    for (const r of rows) {
      expect(r).toMatchObject({ channel: 'weapp', consented_by: 'self' });
      expect(Math.abs(new Date(r.consented_at).getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('refuses empty, unknown, outdated and guardian-only versions, and bad channels', async () => {
    const user = await signInFresh();
    await user.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(25) });
    const current = (await user.client.rpc('get_current_agreements')).data as Array<{ slug: string; version_id: string }>;
    const service = current.find((a) => a.slug === 'service')!.version_id;
    const children = current.find((a) => a.slug === 'children-privacy')!.version_id;
    const cases: Array<[unknown, string, string]> = [
      [[], 'h5', 'agreement_versions_required'],
      [['7d3f1a52-0000-4000-8000-000000000000'], 'h5', 'agreement_version_not_current'],
      [[service], 'android', 'channel_invalid'],
      [[children], 'h5', 'guardian_consent_required'],
    ];
    for (const [ids, channel, code] of cases) {
      const res = await callApi('/rest/v1/rpc/accept_agreements', { token: user.token, body: { p_version_ids: ids, p_channel: channel } });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(code);
      expect(res.body.hint).toMatch(/[\u4e00-\u9fa5]/);
    }
    // An older version of a document is not current: publish a v2 of a private test document.
    const [doc] = await sql<{ id: string }>(
      `insert into public.agreement_documents (slug, kind, title, required, audience, sort_order)
       values ($1, 'service_specific', '测试用可选协议', false, 'everyone', 900) returning id`,
      [`test-optional-${Date.now().toString(36)}`],
    );
    const [v1] = await sql<{ id: string }>(
      `insert into public.agreement_versions (document_id, version, title, body_md, effective_at)
       values ($1, 1, 'v1', '旧版本', now() - interval '1 day') returning id`,
      [doc.id],
    );
    await sql(`insert into public.agreement_versions (document_id, version, title, body_md) values ($1, 2, 'v2', '新版本')`, [doc.id]);
    const outdated = await callApi('/rest/v1/rpc/accept_agreements', { token: user.token, body: { p_version_ids: [v1.id], p_channel: 'h5' } });
    expect(outdated.status).toBe(400);
    expect(outdated.body.message).toBe('agreement_version_not_current');
    expect(await sql('select 1 from public.consents where user_id = $1', [user.userId])).toHaveLength(0);
    await sql('delete from public.agreement_versions where document_id = $1', [doc.id]);
    await sql('delete from public.agreement_documents where id = $1', [doc.id]);
  });

  it('optional consent can be withdrawn from settings; required consent points to cancellation', async () => {
    const user = await signInCleared();
    const reco = (await user.client.rpc('get_current_agreements')).data.find((a: { slug: string }) => a.slug === 'learning-recommendations');
    const accepted = await user.client.rpc('accept_agreements', { p_version_ids: [reco.version_id], p_channel: 'h5' });
    expect(accepted.error).toBeNull();

    const withdrawn = await user.client.rpc('withdraw_consent', { p_document_id: OPTIONAL_DOC, p_channel: 'h5' });
    expect(withdrawn.error).toBeNull();
    expect(withdrawn.data.cleared).toBe(true); // optional: still usable

    const required = await callApi('/rest/v1/rpc/withdraw_consent', { token: user.token, body: { p_document_id: SERVICE_DOC, p_channel: 'h5' } });
    expect(required.status).toBe(400);
    expect(required.body.message).toBe('consent_required_document');
    expect(required.body.hint).toMatch(/注销账号/);
    expect((await user.client.rpc('my_consent_status')).data.cleared).toBe(true);

    const history = (await user.client.rpc('my_consent_history')).data as Array<Record<string, unknown>>;
    const recoRows = history.filter((h) => h.slug === 'learning-recommendations');
    expect(recoRows).toHaveLength(1);
    expect(recoRows[0]).toMatchObject({ channel: 'h5', consented_by: 'self', withdrawn_channel: 'h5' });
    expect(recoRows[0].withdrawn_at).toEqual(expect.any(String));
    expect(history.filter((h) => h.slug === 'service' && h.withdrawn_at === null)).toHaveLength(1);
  });

  it('the birth date is fixed once the user is cleared', async () => {
    const user = await signInCleared({ age: 30 });
    const change = await callApi('/rest/v1/rpc/set_my_birth_date', { token: user.token, body: { p_birth_date: birthDateForAge(10) } });
    expect(change.status).toBe(400);
    expect(change.body.message).toBe('birth_date_locked');
    const same = await user.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(30) });
    expect(same.error).toBeNull();
    for (const bad of ['2999-01-01', '1800-01-01', 'not-a-date']) {
      const res = await callApi('/rest/v1/rpc/set_my_birth_date', { token: (await signInFresh()).token, body: { p_birth_date: bad } });
      expect(res.status).toBe(400);
    }
  });

  it('a notice and the consent history are the user’s own', async () => {
    const alice = await signInCleared();
    const bob = await signInCleared();
    const aliceHistory = await bob.client.from('consents').select('*').eq('user_id', alice.userId);
    expect(aliceHistory.data).toEqual([]);
    const notices = await bob.client.from('notifications').select('*').eq('user_id', alice.userId);
    expect(notices.data).toEqual([]);
  });
});

describe('test arrangement helper', () => {
  it('markCleared makes a fresh user cleared (for e2e/weapp suites that need a usable account)', async () => {
    const user = await signInFresh();
    await markCleared(user.userId);
    expect((await user.client.rpc('my_consent_status')).data.cleared).toBe(true);
  });
});
