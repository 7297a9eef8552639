// Admin desk figures (issue 13): the desk members table's search (`admin_search_members`) as an
// admin of the enterprise with the most members (the seeded 远山制造 workforce: 2,000 members in
// twelve departments), in the admin's PostgREST transaction (role, claims, pre-request hook).
import { asMember } from './db.mjs';
import { msSince, percentile, round } from './stats.mjs';

/** What an admin types and picks: a page of everyone, a name, a phone tail, a department, a late page. */
export const SEARCHES = [
  { label: 'first page', args: {} },
  { label: 'name 王', args: { q: '王' } },
  { label: 'two-character name', args: { q: '李娜' } },
  { label: 'phone tail 0042', args: { q: '0042' } },
  { label: 'employee number', args: { q: 'YS1042' } },
  { label: 'department', args: { dept: true } },
  { label: 'department + name', args: { dept: true, q: '张' } },
  { label: 'page 60', args: { offset: 1180 } },
];

const CALL = 'select public.admin_search_members($1::uuid, $2, $3::uuid, null, null, $4, 20) as page';

export async function pickAdmin(client) {
  const { rows } = await client.query(`
    with big as (select enterprise_id, count(*)::int as n from public.enterprise_members
                 where enterprise_id in (select enterprise_id from public.enterprise_members where role = 'admin')
                 group by 1 order by 2 desc limit 1)
    select m.user_id, m.enterprise_id, big.n,
           (select d.id from public.departments d where d.enterprise_id = m.enterprise_id order by d.id limit 1) as dept
      from public.enterprise_members m join big using (enterprise_id)
     where m.role = 'admin' order by m.joined_at limit 1`);
  if (!rows[0]) throw new Error('no enterprise with an admin');
  const { user_id: userId, enterprise_id: enterpriseId, n, dept } = rows[0];
  // the admin must pass the gate, as a real admin does
  await client.query(`update private.accounts set birth_date = coalesce(birth_date, '1985-01-01'), birth_date_set_at = coalesce(birth_date_set_at, now()) where user_id = $1`, [userId]);
  await client.query(`insert into public.consents (user_id, document_id, version_id, channel, consented_by)
                      select $1, d.id, cv.version_id, 'h5', 'self' from public.agreement_documents d
                        join private.current_versions() cv on cv.document_id = d.id
                       where d.required and d.audience = 'everyone' on conflict do nothing`, [userId]);
  const claims = JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
  return { userId, enterpriseId, members: n, dept, claims };
}

/** p50/p95 over every search, `iterations` rounds of all of them after 5 warm-up rounds. */
export async function measureSearch(client, admin, iterations) {
  const all = [];
  const hits = {};
  const byLabel = {};
  for (let i = 0; i < iterations + 5; i++) {
    for (const s of SEARCHES) {
      const values = [admin.enterpriseId, s.args.q ?? '', s.args.dept ? admin.dept : null, s.args.offset ?? 0];
      const { ms, total } = await asMember(client, admin.claims, async () => {
        const t = process.hrtime.bigint();
        const r = await client.query({ text: CALL, values });
        return { ms: msSince(t), total: r.rows[0].page.total };
      });
      hits[s.label] = total;
      if (i >= 5) {
        all.push(ms);
        (byLabel[s.label] ??= []).push(ms);
      }
    }
  }
  const p95s = Object.fromEntries(Object.entries(byLabel).map(([k, v]) => [k, round(percentile(v, 95), 1)]));
  return { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), hits, p95s, runs: all.length };
}
