// Knowledge-base figures (issue 14) on the real kb tables: folder listing under RLS versus the
// cheapest explicit query returning the same rows, Chinese search for 1–4 character queries in the
// largest enterprise, and opening a page (content, rights, counters) — all in the database, as the
// member's PostgREST transaction (role, claims, pre-request hook), timed client-side.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asMember, asOwner, explain, generated, markGenerated, settle } from './db.mjs';
import { msSince, percentile, phaseClock, round } from './stats.mjs';

const SQL_DIR = path.resolve(new URL('../sql', import.meta.url).pathname);

/**
 * Loads {{KBN}} nodes over the bench enterprises (generate.sql must have run); `reuse`: what an
 * earlier run loaded on this stack at the same sizes, if any. Seconds per phase.
 */
export async function generate(client, { E, KBN }, { reuse = false } = {}) {
  const POOL = Math.min(8000, Math.max(1000, Math.round(KBN / 50))); // distinct page bodies and titles
  const key = { E, KBN, POOL };
  const prev = reuse ? await generated(client, 'kb', key) : null;
  if (prev) return { ...prev, reused: true };
  const { phases, mark } = phaseClock();
  const text = readFileSync(path.join(SQL_DIR, 'kb-generate.sql'), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => String(key[k]));
  // the load, then the set-aside indexes built (the last statements of the script)
  const [load, build] = text.split(/^select bench_private\.restore_indexes\(\);$/m);
  await client.query(`set maintenance_work_mem = '256MB'; set work_mem = '64MB'; set synchronous_commit = off`);
  await client.query(load);
  mark('rows');
  await client.query(`select bench_private.restore_indexes(); ${build}`);
  mark('indexes');
  for (const tbl of ['public.kb_nodes', 'public.kb_grants', 'public.kb_page_contents']) {
    await client.query(`vacuum (analyze) ${tbl}`);
  }
  await settle(client);
  mark('vacuum');
  await client.query('reset maintenance_work_mem; reset work_mem');
  const seconds = round(phases.rows + phases.indexes + phases.vacuum, 1);
  const { rows } = await client.query(`
    select (select count(*) from public.kb_nodes)::int as nodes,
           (select count(*) from public.kb_grants)::int as grants,
           (select count(*) from public.kb_nodes where sets_grants)::int as acl_nodes,
           (select max(cardinality(path)) from public.kb_nodes)::int as depth,
           (select max(n) from (select count(*)::int as n from public.kb_nodes group by enterprise_id) x) as largest,
           pg_size_pretty(pg_total_relation_size('public.kb_nodes')) as nodes_size,
           (select max(cardinality(n.path)) from public.kb_nodes n
             where n.enterprise_id = (select enterprise_id from public.kb_nodes group by 1 order by count(*) desc limit 1))::int as largest_depth`);
  const result = { seconds, phases, counts: rows[0] };
  await markGenerated(client, 'kb', key, result);
  return result;
}

/** A member (not an admin) of the enterprise with the most nodes, and what they may read there. */
export async function pickMember(client) {
  const { rows } = await client.query(`
    with top as (select enterprise_id from public.kb_nodes group by enterprise_id order by count(*) desc limit 1)
    select m.user_id, m.enterprise_id from public.enterprise_members m join top using (enterprise_id)
     where m.role = 'member' and m.department_id is not null order by m.user_id limit 1`);
  const { user_id: userId, enterprise_id: enterpriseId } = rows[0];
  const claims = JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
  const { acl, keys } = await asMember(client, claims, async () => ({
    acl: (await client.query('select unnest(private.kb_acl_ids(1::smallint))::text as id')).rows.map((r) => r.id),
    keys: (await client.query('select unnest(private.kb_read_keys())::text as id')).rows.map((r) => r.id),
  }));
  // a folder at depth 4 with children, readable by the member; a readable page
  const pick = async (sql) => (await client.query(sql, [enterpriseId, acl])).rows[0]?.id;
  const folder = await pick(`select n.id from public.kb_nodes n where n.enterprise_id = $1 and n.kind = 'folder' and cardinality(n.path) = 4
                               and n.acl_node_id = any($2::uuid[]) and exists (select 1 from public.kb_nodes c where c.parent_id = n.id) order by n.id limit 1`);
  const page = await pick(`select n.id from public.kb_nodes n where n.enterprise_id = $1 and n.kind = 'page' and n.acl_node_id = any($2::uuid[]) order by n.id limit 1`);
  const { rows: size } = await client.query('select count(*)::int as n from public.kb_nodes where enterprise_id = $1', [enterpriseId]);
  return { userId, enterpriseId, claims, acl, keys, folder, page, nodes: size[0].n };
}

async function timedQuery(client, text, values) {
  const t = process.hrtime.bigint();
  const r = await client.query({ text, values });
  return { ms: msSince(t), rows: r.rows };
}

const LIST_COLUMNS = 'id, kind, title, updated_at, sort_order';
export const LISTING = {
  member: `select ${LIST_COLUMNS} from public.kb_nodes where enterprise_id = $1 and parent_id = $2 and deleted_at is null order by sort_order, title`,
  // the same rows without RLS: the tenant, the folder, and the member's read keys (their enterprise
  // for nodes everyone there reads, then the acl nodes whose grants name them), the list an app
  // without RLS would have computed beforehand. Cheaper than the member's readable acl nodes
  // (2,010 at 1M against 565 keys): that list made the reference 6× slower than RLS.
  owner: `select ${LIST_COLUMNS} from public.kb_nodes where enterprise_id = $1 and parent_id = $2 and deleted_at is null and read_key = any($3::uuid[]) order by sort_order, title`,
};

/** Folder listing: member under RLS vs owner with explicit filters, interleaved. */
export async function measureListing(client, m, iterations) {
  const memberMs = [];
  const ownerMs = [];
  let first;
  for (let i = 0; i < iterations + 10; i++) {
    const runM = () => asMember(client, m.claims, () => timedQuery(client, LISTING.member, [m.enterpriseId, m.folder]), { path: '/kb_nodes' });
    const runO = () => asOwner(client, () => timedQuery(client, LISTING.owner, [m.enterpriseId, m.folder, m.keys]));
    const [a, b] = i % 2 ? [await runO(), await runM()] : [await runM(), await runO()];
    const [mem, own] = i % 2 ? [b, a] : [a, b];
    first ??= { member: mem.rows.map((r) => r.id), owner: own.rows.map((r) => r.id) };
    if (i >= 10) {
      memberMs.push(mem.ms);
      ownerMs.push(own.ms);
    }
  }
  const sameRows = first.member.length === first.owner.length && first.member.every((id, i) => id === first.owner[i]);
  return {
    rows: first.member.length, sameRows,
    member: { p50: percentile(memberMs, 50), p95: percentile(memberMs, 95) },
    owner: { p50: percentile(ownerMs, 50), p95: percentile(ownerMs, 95) },
    plans: {
      member: await asMember(client, m.claims, () => explain(client, LISTING.member, [m.enterpriseId, m.folder]), { path: '/kb_nodes' }),
      owner: await asOwner(client, () => explain(client, LISTING.owner, [m.enterpriseId, m.folder, m.keys])),
    },
  };
}

export const SEARCH_QUERIES = {
  1: ['知', '表', '的', '品'],
  2: ['报销', '绩效', '权限', '发展'],
  3: ['入职指', '数据报', '研发测', '故障排'],
  4: ['产品发布', '安全规范', '预算审批', '会议纪要'],
};

/** kb_search as the member, per query length; p50/p95 and the hit counts. */
export async function measureSearch(client, m, iterations) {
  const out = {};
  const all = [];
  for (const [len, queries] of Object.entries(SEARCH_QUERIES)) {
    const ms = [];
    let hits = 0;
    for (let i = 0; i < iterations + 5; i++) {
      const q = queries[i % queries.length];
      const r = await asMember(client, m.claims, () => timedQuery(client, 'select * from public.kb_search($1, $2, 20)', [m.enterpriseId, q]), { path: '/rpc/kb_search' });
      if (i >= 5) {
        ms.push(r.ms);
        hits = Math.max(hits, r.rows.length);
      }
    }
    all.push(...ms);
    out[len] = { p50: percentile(ms, 50), p95: percentile(ms, 95), hits };
  }
  out.all = { p50: percentile(all, 50), p95: percentile(all, 95) };
  // the candidate query as private.kb_search_ids runs it (definer: the read check is explicit, with
  // the member's read keys from the request context)
  out.plan = await asOwner(client, () =>
    explain(client, `select n.id from public.kb_nodes n
                      where n.enterprise_id = $1 and n.search_grams @> private.kb_query_grams($2) and n.deleted_at is null
                        and coalesce(n.read_key = any($3::uuid[]), false)
                      order by n.updated_at desc limit 40`,
    [m.enterpriseId, '绩效', m.keys]));
  return out;
}

/** kb_open_page (content, rights, counters, records the read) as the member. */
export async function measureOpenPage(client, m, iterations) {
  const ms = [];
  for (let i = 0; i < iterations + 10; i++) {
    const r = await asMember(client, m.claims, () => timedQuery(client, 'select public.kb_open_page($1)', [m.page]), { path: '/rpc/kb_open_page' });
    if (i >= 10) ms.push(r.ms);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** The pre-request hook for a kb request (claims, gate, enterprises, then the member's grants), and for another path. */
export async function measureContext(client, m, iterations) {
  const out = {};
  for (const [name, path] of [['kb', '/kb_nodes'], ['other', '/notifications']]) {
    const ms = [];
    for (let i = 0; i < iterations + 10; i++) {
      const r = await asMember(client, m.claims, async () => {
        await client.query(`select set_config('request.path', $1, true)`, [path]);
        return timedQuery(client, 'select hooks.begin_request()', []);
      }, { context: false });
      if (i >= 10) ms.push(r.ms);
    }
    out[name] = { p50: percentile(ms, 50), p95: percentile(ms, 95) };
  }
  return out;
}
