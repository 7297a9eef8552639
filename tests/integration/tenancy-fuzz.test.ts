// Issue 4: bad input (fast-check, bounded) to every RPC of the membership module, from callers who
// would otherwise be allowed (the enterprise's admin, a platform operator): a clear 4xx with a code,
// never a 5xx, and nothing written.
import fc from 'fast-check';
import {
  callApi, createEnterpriseAs, inviteCode, joinEnterprise, makePlatformOperator, signInCleared, sql, storageObject, type SignedInUser,
} from '../support/clients';

const RUNS = 40;
const rpc = (name: string, user: SignedInUser, body: unknown) => callApi(`/rest/v1/rpc/${name}`, { token: user.token, body });

function expectClear4xx(res: Awaited<ReturnType<typeof callApi>>, what: unknown): void {
  if (res.status < 400 || res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(what)}: ${JSON.stringify(res.body)}`);
  const code = res.body?.code ?? res.body?.message;
  expect(typeof code).toBe('string');
}

/** Junk that is never a valid value for the field it lands in (strings that parse as an empty array are left out). */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }).filter((s) => !s.trim().startsWith('{')),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '9'.repeat(400), "'; drop table public.enterprises; --", '../..', '<script>'),
);
const notIn = (valid: unknown[]) => junk.filter((v) => !valid.includes(v as never));
const codeLike = fc.stringMatching(/^[A-HJKMNP-Z2-9]{8}$/);

describe('fuzz: membership RPCs answer bad input with 4xx and write nothing', () => {
  let admin: SignedInUser;
  let member: SignedInUser;
  let outsider: SignedInUser;
  let op: SignedInUser;
  let eid: string;
  let pendingDoc: string;

  /** Everything these RPCs could change, for the people and the enterprise of this file. */
  async function snapshot() {
    const ids = [admin.userId, member.userId, outsider.userId, op.userId];
    const [row] = await sql<{ s: unknown }>(
      `select json_build_object(
         'enterprise', (select to_jsonb(e) from public.enterprises e where e.id = $1),
         'created', (select count(*) from public.enterprises e where e.created_by = any ($2::uuid[])),
         'members', (select jsonb_agg(jsonb_build_array(m.user_id, m.role, m.scopes, m.department_id) order by m.user_id)
                       from public.enterprise_members m where m.user_id = any ($2::uuid[])),
         'invitations', (select jsonb_agg(jsonb_build_array(i.code, i.use_count, i.revoked_at) order by i.code)
                           from public.invitations i where i.enterprise_id = $1),
         'requests', (select count(*) from public.join_requests r where r.user_id = any ($2::uuid[])),
         'allowlist', (select jsonb_agg(a.phone order by a.phone) from public.enterprise_phone_allowlist a where a.enterprise_id = $1),
         'documents', (select jsonb_agg(jsonb_build_array(q.id, q.status) order by q.id) from public.qualification_documents q where q.enterprise_id = $1),
         'notifications', (select count(*) from public.notifications n where n.user_id = any ($2::uuid[])),
         'current', (select jsonb_agg(jsonb_build_array(p.id, p.current_enterprise_id) order by p.id) from public.profiles p where p.id = any ($2::uuid[]))
       ) as s`,
      [eid, ids],
    );
    return row.s;
  }

  beforeAll(async () => {
    [admin, member, outsider, op] = await Promise.all([signInCleared(), signInCleared(), signInCleared(), signInCleared()]);
    await makePlatformOperator(op.userId);
    eid = await createEnterpriseAs(admin, { name: '模糊测试公司' });
    await joinEnterprise(admin, eid, member);
    await inviteCode(admin, eid, { maxUses: 5 });
    await admin.client.rpc('set_phone_allowlist', { p_enterprise_id: eid, p_phones: ['13700000011', '13700000012'] });
    await storageObject(admin.token, 'POST', 'qualifications', `${eid}/licence.pdf`, {
      bytes: new TextEncoder().encode('%PDF-1.4 fuzz'), contentType: 'application/pdf',
    });
    const doc = await admin.client.rpc('submit_qualification', {
      p_enterprise_id: eid, p_kind: 'business_licence', p_object_path: `${eid}/licence.pdf`, p_file_name: 'licence.pdf',
    });
    if (doc.error) throw doc.error;
    pendingDoc = doc.data as string;
  });

  it('create_enterprise, switch_enterprise, enterprise_features, my_enterprises', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(junk, junk, notIn(['1-49', '50-199', '200-999', '1000+']), junk, junk, fc.oneof(junk, fc.uuid()), async (n, i, s, c, p, id) => {
        const body = { p_name: n, p_industry: i, p_size_band: s, p_contact_name: c, p_contact_phone: p };
        expectClear4xx(await rpc('create_enterprise', admin, body), body);
        expectClear4xx(await rpc('switch_enterprise', outsider, { p_enterprise_id: id }), id);
        expectClear4xx(await rpc('switch_enterprise', member, { p_enterprise_id: id }), id);
        expectClear4xx(await rpc('enterprise_features', outsider, { p_enterprise_id: id }), id);
        expectClear4xx(await rpc('my_enterprises', admin, { p_enterprise_id: id }), id);
      }),
      { numRuns: RUNS },
    );
    // an outsider can name the real enterprise and still gets nothing
    expectClear4xx(await rpc('switch_enterprise', outsider, { p_enterprise_id: eid }), eid);
    expect(await snapshot()).toEqual(before);
  });

  it('update_enterprise_settings', async () => {
    const before = await snapshot();
    const bad = fc.oneof(
      junk.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      fc.constant({}),
      fc.record({ name: fc.oneof(fc.constantFrom('', 'x', ' y ', null, 5, true), fc.string().map((s) => 'a'.repeat(61) + s)) }),
      fc.record({ size_band: notIn(['1-49', '50-199', '200-999', '1000+']) }),
      fc.record({ contact_phone: notIn([]).filter((v) => typeof v !== 'string' || !/^(\+?86)?1[3-9]\d{9}$/.test(v.trim())) }),
      fc.record({ join_rule: notIn(['invite', 'approval', 'allowlist']) }),
      fc.record({ members_can_invite: junk.filter((v) => typeof v !== 'boolean') }),
      fc.record({ directory_scope: notIn(['all', 'department']) }),
      fc.record({ directory_hidden_fields: fc.oneof(junk.filter((v) => !Array.isArray(v)), fc.constant(['phone', 'salary']), fc.constant([1])) }),
      fc.dictionary(fc.string({ maxLength: 8 }).map((k) => `x_${k}`), junk, { minKeys: 1, maxKeys: 2 }),
    );
    // a valid change next to the bad one must not be applied either
    const settings = fc.tuple(fc.boolean(), bad).map(([withValid, b]) =>
      withValid && typeof b === 'object' && b !== null && !Array.isArray(b) && Object.keys(b).length > 0
        ? { industry: '被改掉的行业', ...b }
        : b);
    await fc.assert(
      fc.asyncProperty(settings, fc.oneof(fc.constant(eid), junk), async (s, id) => {
        expectClear4xx(await rpc('update_enterprise_settings', admin, { p_enterprise_id: id, p_settings: s }), s);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('set_member_role, remove_member, leave_enterprise', async () => {
    const before = await snapshot();
    const target = fc.oneof(junk, fc.uuid(), fc.constant(member.userId), fc.constant(admin.userId));
    await fc.assert(
      fc.asyncProperty(target, notIn(['admin', 'member']), fc.oneof(junk, fc.constant(['content'])), async (user, role, scopes) => {
        expectClear4xx(await rpc('set_member_role', admin, { p_enterprise_id: eid, p_user_id: user, p_role: role, p_scopes: scopes }), { user, role });
        // the right role but scopes that are malformed, unknown, or beyond the basic edition
        expectClear4xx(await rpc('set_member_role', admin, { p_enterprise_id: eid, p_user_id: user, p_role: 'member', p_scopes: scopes ?? ['content'] }), scopes);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.uuid(), fc.constant(admin.userId), fc.constant(outsider.userId)), fc.oneof(junk, fc.uuid(), fc.constant(eid)), async (user, id) => {
        expectClear4xx(await rpc('remove_member', admin, { p_enterprise_id: eid, p_user_id: user }), user);
        expectClear4xx(await rpc('remove_member', member, { p_enterprise_id: id, p_user_id: admin.userId }), id);
        expectClear4xx(await rpc('leave_enterprise', admin, { p_enterprise_id: id }), id); // the last admin, or junk
        expectClear4xx(await rpc('leave_enterprise', outsider, { p_enterprise_id: id }), id);
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('create_invitation, revoke_invitation', async () => {
    const before = await snapshot();
    // (strings that read as a whole number 1..720 would be cast to a valid integer, so they are left out)
    const inRange = (v: unknown) => (typeof v === 'number' || typeof v === 'string') && /^\s*[+-]?\d+\s*$/.test(String(v)) && Number(v) >= 1 && Number(v) <= 720;
    const badHours = fc.oneof(junk.filter((v) => typeof v === 'boolean' || v === null || !inRange(v)), fc.integer({ min: 721 }), fc.integer({ max: 0 }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.constantFrom('admin', 'member')), fc.oneof(junk, fc.uuid(), fc.constant(null)), badHours, fc.oneof(junk, fc.integer()), async (role, dept, hours, uses) => {
        const body = { p_enterprise_id: eid, p_role: role, p_department_id: dept, p_valid_hours: hours, p_max_uses: uses };
        expectClear4xx(await rpc('create_invitation', admin, body), body);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.uuid()), fc.oneof(junk, fc.uuid()), async (inv, id) => {
        expectClear4xx(await rpc('revoke_invitation', admin, { p_invitation_id: inv }), inv);
        // an outsider or a plain member, on an enterprise they may not invite for
        expectClear4xx(await rpc('create_invitation', outsider, { p_enterprise_id: id }), id);
        expectClear4xx(await rpc('create_invitation', member, { p_enterprise_id: eid, p_role: inv === null ? 'member' : inv }), inv);
      }),
      { numRuns: RUNS },
    );
    const [{ id: real }] = await sql<{ id: string }>('select id from public.invitations where enterprise_id = $1 limit 1', [eid]);
    expectClear4xx(await rpc('revoke_invitation', outsider, { p_invitation_id: real }), real);
    expectClear4xx(await rpc('revoke_invitation', member, { p_invitation_id: real }), real);
    expect(await snapshot()).toEqual(before);
  });

  it('get_invitation, accept_invitation, decline_invitation', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, codeLike), async (code) => {
        expectClear4xx(await rpc('get_invitation', outsider, { p_code: code }), code);
        expectClear4xx(await rpc('accept_invitation', outsider, { p_code: code }), code);
        expectClear4xx(await rpc('decline_invitation', outsider, { p_code: code }), code);
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('decide_join_request, withdraw_join_request, list_join_requests', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.uuid()), junk, junk, async (id, approve, reason) => {
        expectClear4xx(await rpc('decide_join_request', admin, { p_request_id: id, p_approve: approve, p_reason: reason }), id);
        expectClear4xx(await rpc('withdraw_join_request', outsider, { p_request_id: id }), id);
        expectClear4xx(await rpc('list_join_requests', admin, { p_enterprise_id: eid, p_status: approve === null || ['pending', 'approved', 'rejected', 'declined', 'withdrawn', 'all'].includes(approve as string) ? 'everything' : approve }), approve);
        expectClear4xx(await rpc('list_join_requests', member, { p_enterprise_id: eid }), 'member');
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('set_phone_allowlist', async () => {
    const before = await snapshot();
    const phones = fc.oneof(
      junk.filter((v) => !Array.isArray(v)),
      fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 4 }),
      fc.tuple(fc.constant('13700000099'), fc.oneof(fc.constant(''), fc.constant('+1 555 0100'), fc.constant('23800000000'), fc.string({ maxLength: 9 })))
        .map(([ok, badPhone]) => [ok, badPhone]),
      fc.constant(Array.from({ length: 5001 }, (_, i) => `1390${String(i).padStart(7, '0')}`)),
    );
    await fc.assert(
      fc.asyncProperty(phones, fc.oneof(fc.constant(eid), junk, fc.uuid()), async (p, id) => {
        expectClear4xx(await rpc('set_phone_allowlist', admin, { p_enterprise_id: id, p_phones: p }), p);
        expectClear4xx(await rpc('set_phone_allowlist', member, { p_enterprise_id: eid, p_phones: ['13700000013'] }), 'member');
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('submit_qualification, platform_review_qualification', async () => {
    const before = await snapshot();
    const path = fc.oneof(junk, fc.string({ maxLength: 20 }).map((s) => `${eid}/missing-${s.replace(/\//g, '')}.pdf`), fc.constant(`${eid}/../x.pdf`));
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.constantFrom('business_licence', 'legal_rep_id')), path, junk, async (kind, p, name) => {
        const body = { p_enterprise_id: eid, p_kind: kind, p_object_path: p, p_file_name: name };
        expectClear4xx(await rpc('submit_qualification', admin, body), body);
      }),
      { numRuns: RUNS },
    );
    const badReason = fc.oneof(fc.constantFrom('', ' ', 'x', null), fc.string().map((s) => 'x'.repeat(501) + s));
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.uuid()), junk, junk, badReason, async (id, approve, reason, rejectReason) => {
        expectClear4xx(await rpc('platform_review_qualification', op, { p_document_id: id, p_approve: approve, p_reason: reason }), id);
        // the real pending document: a rejection without a proper reason, or a review by a non-operator
        expectClear4xx(await rpc('platform_review_qualification', op, { p_document_id: pendingDoc, p_approve: false, p_reason: rejectReason }), rejectReason);
        expectClear4xx(await rpc('platform_review_qualification', admin, { p_document_id: pendingDoc, p_approve: true }), 'admin');
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });
});
