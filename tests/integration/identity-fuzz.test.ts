// Issue 3: bad input (fast-check, bounded) to every RPC and edge function of the identity module:
// a clear 4xx with a code, never a 5xx, and nothing written.
import fc from 'fast-check';
import { birthDateForAge, callApi, makePlatformOperator, signInCleared, signInFresh, sql, type SignedInUser } from '../support/clients';

const RUNS = 60;
const rpc = (name: string, token: string | undefined, body: unknown) => callApi(`/rest/v1/rpc/${name}`, { token, body });

function expectClear4xx(res: Awaited<ReturnType<typeof callApi>>): void {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const code = res.body?.code ?? res.body?.message;
  expect(typeof code).toBe('string');
}

/** Junk that is never a valid value for the field it lands in. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '2026-13-45', '9'.repeat(400), "'; drop table public.consents; --", '../..', '<script>'),
);

async function counts(userId: string) {
  const [r] = await sql<{ consents: number; guardians: number; birth: string | null }>(
    `select (select count(*)::int from public.consents where user_id = $1) as consents,
            (select count(*)::int from public.guardians where user_id = $1) as guardians,
            (select birth_date::text from private.accounts where user_id = $1) as birth`,
    [userId],
  );
  return r;
}

describe('fuzz: identity RPCs answer bad input with 4xx and write nothing', () => {
  let user: SignedInUser;
  let minor: SignedInUser;
  beforeAll(async () => {
    user = await signInFresh(); // no birth date yet: set_my_birth_date would write on a valid date
    minor = await signInFresh();
    await minor.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(15) });
  });

  it('accept_agreements', async () => {
    const before = await counts(user.userId);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, fc.array(fc.uuid(), { minLength: 1, maxLength: 3 })),
        fc.oneof(junk, fc.constantFrom('weapp', 'h5', 'qywx')),
        async (ids, channel) => {
          // fresh random uuids are never current versions, so every case is bad
          expectClear4xx(await rpc('accept_agreements', user.token, { p_version_ids: ids, p_channel: channel }));
        },
      ),
      { numRuns: RUNS },
    );
    expect(await counts(user.userId)).toEqual(before);
  });

  it('set_my_birth_date', async () => {
    const before = await counts(user.userId);
    const badDate = fc.oneof(
      junk,
      fc.integer({ min: 2030, max: 9999 }).map((y) => `${y}-01-01`),
      fc.integer({ min: 1, max: 1899 }).map((y) => `${String(y).padStart(4, '0')}-06-15`),
    );
    await fc.assert(
      fc.asyncProperty(badDate, async (d) => expectClear4xx(await rpc('set_my_birth_date', user.token, { p_birth_date: d }))),
      { numRuns: RUNS },
    );
    expect(await counts(user.userId)).toEqual(before);
  });

  it('withdraw_consent, withdraw_guardian_consent, mark_notifications_read', async () => {
    const before = await counts(minor.userId);
    await fc.assert(
      fc.asyncProperty(junk, junk, async (doc, channel) => {
        expectClear4xx(await rpc('withdraw_consent', minor.token, { p_document_id: doc, p_channel: channel }));
        expectClear4xx(await rpc('withdraw_guardian_consent', minor.token, { p_channel: channel }));
        expectClear4xx(await rpc('mark_notifications_read', minor.token, { p_ids: doc }));
      }),
      { numRuns: RUNS },
    );
    expect(await counts(minor.userId)).toEqual(before);
  });

  it('report_stolen_account (anonymous)', async () => {
    const marker = `fuzz-${Date.now().toString(36)}`;
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, fc.option(junk), async (phone, name, contact, path) => {
        // the evidence is valid, so the junk in another field must be what is refused
        const res = await rpc('report_stolen_account', undefined, {
          p_phone: phone, p_real_name: name, p_evidence: `${marker} 这是一段足够长的情况说明`, p_contact: contact, p_evidence_path: path,
        });
        expectClear4xx(res);
      }),
      { numRuns: RUNS },
    );
    expect(await sql('select 1 from public.account_reports where evidence like $1', [`${marker}%`])).toHaveLength(0);
  });

  it('platform RPCs (as an operator)', async () => {
    const op = await signInCleared();
    await makePlatformOperator(op.userId);
    const [{ n: versionsBefore }] = await sql<{ n: number }>('select count(*)::int as n from public.agreement_versions');
    const [{ n: actionsBefore }] = await sql<{ n: number }>('select count(*)::int as n from public.account_actions where operator_id = $1', [op.userId]);
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, async (a, b, c) => {
        expectClear4xx(await rpc('publish_agreement_version', op.token, { p_document_id: a, p_title: b, p_body_md: c, p_key_clauses: b, p_effective_at: c }));
        expectClear4xx(await rpc('platform_act_on_account', op.token, { p_user_id: a, p_action: b, p_reason: c }));
        expectClear4xx(await rpc('platform_resolve_account_report', op.token, { p_report_id: a, p_outcome: b, p_freeze: c, p_note: c }));
        expectClear4xx(await rpc('platform_decide_birth_date_correction', op.token, { p_request_id: a, p_approve: b, p_reason: c }));
      }),
      { numRuns: 40 },
    );
    expect(await sql('select count(*)::int as n from public.agreement_versions')).toEqual([{ n: versionsBefore }]);
    expect(await sql('select count(*)::int as n from public.account_actions where operator_id = $1', [op.userId])).toEqual([{ n: actionsBefore }]);
  });
});

describe('fuzz: identity edge functions answer bad input with 4xx and write nothing', () => {
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.record({ action: fc.oneof(junk, fc.constantFrom('send', 'confirm')) }, { requiredKeys: [] }),
    fc.record({
      action: fc.constant('confirm'),
      code: fc.oneof(junk, fc.stringMatching(/^\d{6}$/)),
      guardian_name: junk,
      relationship: junk,
      channel: junk,
      accept_children_statement: junk,
    }),
    fc.record({ action: fc.constant('send'), guardian_phone: junk }),
  );

  it('guardian (a minor who has asked for no code: no body can confirm)', async () => {
    const minor = await signInFresh();
    await minor.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(13) });
    const before = await counts(minor.userId);
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await callApi('/functions/v1/guardian', { token: minor.token, body: b });
        expectClear4xx(res);
        expect(typeof res.body.message).toBe('string');
      }),
      { numRuns: RUNS },
    );
    const raw = await callApi('/functions/v1/guardian', { token: minor.token, rawBody: '{not json' });
    expect(raw.status).toBe(400);
    expect(await counts(minor.userId)).toEqual(before);
    expect(await sql(`select 1 from private.sms_challenges where user_id = $1`, [minor.userId])).toHaveLength(0);
  });

  it('account-cancel (never deletes on bad input)', async () => {
    const user = await signInCleared();
    const cancelBody = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record({ action: fc.constant('confirm'), code: fc.oneof(junk, fc.stringMatching(/^\d{6}$/)), acknowledge_irreversible: junk }),
    ).filter((b) => !(typeof b === 'object' && b !== null && (b as { action?: unknown }).action === 'send'));
    await fc.assert(
      fc.asyncProperty(cancelBody, async (b) => {
        const res = await callApi('/functions/v1/account-cancel', { token: user.token, body: b });
        expectClear4xx(res);
      }),
      { numRuns: RUNS },
    );
    expect(await sql('select 1 from auth.users where id = $1', [user.userId])).toHaveLength(1);
  });
});
