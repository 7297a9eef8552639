// Database figures: synthetic community data on the real tenant tables, then the hottest list
// queries as a member under RLS versus the same list as the table owner with explicit filters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { msSince, percentile, phaseClock } from './stats.mjs';

const SQL_DIR = path.resolve(new URL('../sql', import.meta.url).pathname);
const sqlFile = (name, vars = {}) =>
  readFileSync(path.join(SQL_DIR, name), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in vars)) throw new Error(`${name}: no value for {{${k}}}`);
    return String(vars[k]);
  });

const COLUMNS = 'id, space_id, author_id, created_at, title';
const POLICY = '"Members read posts in spaces they may see"';
const PRODUCT_POLICY = 'space_id in (select bench_private.my_space_ids())';
// The first version of the bench policy: tenant clause and space clause, two helper calls.
const TWO_HELPER_POLICY =
  'enterprise_id in (select private.my_enterprise_ids()) and space_id in (select bench_private.my_space_ids())';
const IS_MEMBER_POLICY = 'private.is_member(enterprise_id) and space_id in (select bench_private.my_space_ids())';
const POLICIES = { product: PRODUCT_POLICY, two_helpers: TWO_HELPER_POLICY, is_member: IS_MEMBER_POLICY };

/** The hottest lists; `member` runs under RLS, `owner` bypasses it and filters explicitly. */
export const QUERIES = {
  latest_in_enterprise: {
    title: 'latest items in my enterprise',
    member: { text: `select ${COLUMNS} from bench.posts where enterprise_id = $1 order by created_at desc limit 20`, args: (m) => [m.enterpriseId] },
    // What an app without RLS has to write to return the same rows: the tenant and the spaces the
    // member may see, both explicit (the space list computed beforehand, as the app would).
    owner: {
      text: `select ${COLUMNS} from bench.posts where enterprise_id = $1 and space_id = any($2::uuid[]) order by created_at desc limit 20`,
      args: (m) => [m.enterpriseId, m.visibleSpaceIds],
    },
  },
  latest_in_enterprise_tenant_only: {
    title: 'latest items in my enterprise, against the tenant filter alone',
    informational: true,
    member: { text: `select ${COLUMNS} from bench.posts where enterprise_id = $1 order by created_at desc limit 20`, args: (m) => [m.enterpriseId] },
    // The reference until 2026-11-30: cheaper, but it also returns posts of private spaces the
    // member has not joined, so it is not the same answer.
    owner: { text: `select ${COLUMNS} from bench.posts where enterprise_id = $1 order by created_at desc limit 20`, args: (m) => [m.enterpriseId] },
  },
  items_in_space: {
    title: 'items I may see in a space (a private space I joined)',
    member: { text: `select ${COLUMNS} from bench.posts where space_id = $1 order by created_at desc limit 20`, args: (m) => [m.spaceId] },
    owner: {
      text: `select ${COLUMNS} from bench.posts where enterprise_id = $1 and space_id = $2 order by created_at desc limit 20`,
      args: (m) => [m.enterpriseId, m.spaceId],
    },
  },
  feed_without_client_filter: {
    title: 'latest items relying on RLS alone (no tenant filter from the client)',
    informational: true,
    fewRuns: true, // it scans the table
    member: { text: `select ${COLUMNS} from bench.posts order by created_at desc limit 20`, args: () => [] },
    owner: {
      text: `select ${COLUMNS} from bench.posts where enterprise_id = any($1::uuid[]) order by created_at desc limit 20`,
      args: (m) => [m.enterpriseIds],
    },
  },
};

export async function connect(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/**
 * What an earlier run generated on this stack for `part` at the same sizes (a run attached to a
 * kept stack with --stack-env reuses it rather than loading a million rows again), or null.
 */
export async function generated(client, part, sizes) {
  const { rows } = await client.query(`select to_regclass('bench.generated') is not null as has`);
  if (!rows[0].has) return null;
  const { rows: found } = await client.query('select result from bench.generated where part = $1 and sizes = $2::jsonb', [part, JSON.stringify(sizes)]);
  return found[0]?.result ?? null;
}

export async function markGenerated(client, part, sizes, result) {
  await client.query(`insert into bench.generated (part, sizes, result) values ($1, $2::jsonb, $3::jsonb)
                      on conflict (part) do update set sizes = excluded.sizes, result = excluded.result, at = now()`,
  [part, JSON.stringify(sizes), JSON.stringify(result)]);
}

/** Creates the bench schema and loads the rows; returns seconds per phase (`reused` when an earlier run's). */
export async function generate(client, sizes, { reuse = false } = {}) {
  const key = { E: sizes.E, M: sizes.M, S: sizes.S, N: sizes.N };
  const prev = reuse ? await generated(client, 'db', key) : null;
  if (prev) return { ...prev, reused: true };
  const { phases, mark } = phaseClock();
  await client.query(sqlFile('schema.sql'));
  mark('schema');
  // Bulk load: bigger work memory, no synchronous commit wait (bench stack only).
  await client.query(`set maintenance_work_mem = '256MB'; set work_mem = '64MB'; set synchronous_commit = off`);
  await client.query(sqlFile('generate.sql', sizes));
  mark('rows');
  await client.query(sqlFile('indexes.sql'));
  mark('indexes');
  // A settled table, as production's are: without this, autovacuum's first pass over the freshly
  // loaded rows (and the hint bits every first read sets) would run during the measurements.
  for (const t of ['bench.posts', 'bench.spaces', 'bench.space_members']) await client.query(`vacuum (analyze) ${t}`);
  await settle(client);
  mark('vacuum');
  const { rows } = await client.query(`select
      (select count(*) from bench.posts)::int as posts,
      (select count(*) from public.enterprises)::int as enterprises,
      (select count(distinct user_id) from public.enterprise_members)::int as members,
      (select count(*) from public.enterprise_members)::int as memberships,
      (select count(*) from bench.spaces)::int as spaces,
      (select count(*) from bench.space_members)::int as space_members,
      pg_size_pretty(pg_total_relation_size('bench.posts')) as posts_size`);
  await markGenerated(client, 'db', key, { phases, counts: rows[0] });
  return { phases, counts: rows[0] };
}

/**
 * Lets the database go quiet after the bulk load: the dirty pages written out now rather than by
 * the checkpointer during the measurements, and autovacuum workers (woken by the load) finished.
 */
export async function settle(client) {
  await client.query('checkpoint');
  for (let i = 0; i < 120; i++) {
    const { rows } = await client.query(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A member of the largest enterprise who joined one of its private spaces. */
export async function pickMember(client) {
  const { rows } = await client.query(`
    with top as (
      -- among the bench's enterprises (the seeded demo ones have no bench spaces)
      select enterprise_id from public.enterprise_members
       where enterprise_id in (select s.enterprise_id from bench.spaces s)
       group by enterprise_id order by count(*) desc, enterprise_id limit 1
    )
    select m.user_id, m.enterprise_id, sm.space_id
      from public.enterprise_members m
      join top using (enterprise_id)
      join bench.space_members sm on sm.user_id = m.user_id
      join bench.spaces s on s.id = sm.space_id and s.enterprise_id = m.enterprise_id
     order by m.user_id
     limit 1`);
  if (!rows.length) throw new Error('no member of the largest enterprise is in a private space');
  const { user_id: userId, enterprise_id: enterpriseId, space_id: spaceId } = rows[0];
  const claims = JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
  // What the member may see, computed by the helpers under the member's identity.
  const seen = await asMember(client, claims, async () => ({
    ents: (await client.query('select private.my_enterprise_ids() as id')).rows.map((r) => r.id),
    spaces: (await client.query('select bench_private.my_space_ids() as id')).rows.map((r) => r.id),
  }));
  const { rows: size } = await client.query('select count(*)::int as n from bench.posts where enterprise_id = $1', [enterpriseId]);
  return { userId, enterpriseId, spaceId, claims, enterpriseIds: seen.ents, visibleSpaceIds: seen.spaces, enterprisePosts: size[0].n };
}

const preRequests = new WeakMap();

/** The function PostgREST calls before each request (`pgrst.db_pre_request` on the authenticator). */
async function preRequestFunction(client) {
  const { rows } = await client.query(`
    select split_part(c, '=', 2) as fn
      from pg_db_role_setting s join pg_roles r on r.oid = s.setrole, unnest(s.setconfig) c
     where r.rolname = 'authenticator' and c like 'pgrst.db_pre_request=%'`);
  const fn = rows[0]?.fn;
  if (fn && !/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(fn)) throw new Error(`unexpected pre-request function ${fn}`);
  return fn ?? null;
}

/**
 * A member's transaction as PostgREST opens it: role, JWT claims, then the pre-request hook (which
 * resolves the request context); `context: false` skips the hook (direct SQL, Realtime).
 */
export async function asMember(client, claims, fn, { context = true, path = null } = {}) {
  if (!preRequests.has(client)) preRequests.set(client, await preRequestFunction(client));
  const preRequest = preRequests.get(client);
  await client.query('begin');
  try {
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
    // PostgREST's request.path (e.g. '/rpc/kb_search'), which the pre-request hook may look at
    if (path) await client.query(`select set_config('request.path', $1, true)`, [path]);
    if (context && preRequest) await client.query(`select ${preRequest}()`);
    return await fn();
  } finally {
    await client.query('commit');
  }
}

export async function asOwner(client, fn) {
  await client.query('begin');
  try {
    return await fn();
  } finally {
    await client.query('commit');
  }
}

/** One timed execution (the statement only; the transaction set-up is PostgREST's job too). */
// Unnamed statements: planned for the actual values every time (a named prepared statement switches
// to a generic plan after five runs; see the README for what that did to a multi-parameter list).
async function timed(client, q, args) {
  const t = process.hrtime.bigint();
  const r = await client.query({ text: q.text, values: args });
  return { ms: msSince(t), ids: r.rows.map((row) => row.id) };
}

/** p50/p95 of member-under-RLS and owner runs, interleaved; plus both plans. */
export async function measureQuery(client, key, member, { iterations, warmup = 10, context = true, query }) {
  const q = query ?? QUERIES[key];
  const memberArgs = q.member.args(member);
  const ownerArgs = q.owner.args(member);
  const runMember = () => asMember(client, member.claims, () => timed(client, q.member, memberArgs), { context });
  const runOwner = () => asOwner(client, () => timed(client, q.owner, ownerArgs));
  const memberMs = [];
  const ownerMs = [];
  let first;
  for (let i = 0; i < warmup + iterations; i++) {
    // Alternate which goes first so neither always follows the other's cache warm-up.
    let m;
    let o;
    if (i % 2) {
      o = await runOwner();
      m = await runMember();
    } else {
      m = await runMember();
      o = await runOwner();
    }
    first ??= { member: m.ids, owner: o.ids };
    if (i >= warmup) {
      memberMs.push(m.ms);
      ownerMs.push(o.ms);
    }
  }
  const sameRows = first.member.length === first.owner.length && first.member.every((id, i) => id === first.owner[i]);
  const plans = {
    member: await asMember(client, member.claims, () => explain(client, q.member.text, memberArgs), { context }),
    owner: await asOwner(client, () => explain(client, q.owner.text, ownerArgs)),
  };
  return {
    key,
    title: q.title,
    informational: Boolean(q.informational),
    rows: first.member.length,
    sameRows,
    member: { p50: percentile(memberMs, 50), p95: percentile(memberMs, 95) },
    owner: { p50: percentile(ownerMs, 50), p95: percentile(ownerMs, 95) },
    plans,
    sql: { member: q.member.text, owner: q.owner.text },
  };
}

export async function explain(client, text, args) {
  const { rows } = await client.query({ text: `explain (analyze, buffers, costs off) ${text}`, values: args });
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** Swaps the posts policy to another form (`product`, `two_helpers`, `is_member`). */
export async function usePolicy(client, form) {
  if (form === 'is_member') await client.query('grant execute on function private.is_member(uuid) to authenticated');
  await client.query(`alter policy ${POLICY} on bench.posts using (${POLICIES[form]})`);
}

/** Lets PostgREST serve the bench schema (in-database config; bench stack only). */
export async function exposeBenchSchema(client) {
  await client.query(`alter role authenticator set pgrst.db_schemas = 'public,graphql_public,bench'`);
  await client.query(`notify pgrst, 'reload config'`);
  await client.query(`notify pgrst, 'reload schema'`);
}

/**
 * p50 per call of each helper the policy runs, as the member, minus a bare round trip: computed
 * (no request context: direct SQL, Realtime) and answered from the context the pre-request made;
 * and the pre-request itself, which an API request pays once whatever it reads.
 */
export async function helperCosts(client, member, iterations) {
  const helpers = {
    'private.is_cleared()': 'select private.is_cleared()',
    'private.my_enterprise_ids()': 'select count(*) from private.my_enterprise_ids()',
    'bench_private.my_space_ids()': 'select count(*) from bench_private.my_space_ids()',
  };
  const probe = async (text) => {
    const ms = [];
    for (let i = 0; i < iterations + 10; i++) {
      const t = process.hrtime.bigint();
      await client.query(text);
      if (i >= 10) ms.push(msSince(t));
    }
    return percentile(ms, 50);
  };
  const out = { computed: {}, fromContext: {}, preRequest: null };
  const preRequest = preRequests.get(client);
  for (const [mode, context] of [['computed', false], ['fromContext', true]]) {
    await asMember(client, member.claims, async () => {
      const base = await probe('select 1');
      for (const [name, text] of Object.entries(helpers)) out[mode][name] = Math.max(0, (await probe(text)) - base);
      if (context && preRequest) out.preRequest = { name: `${preRequest}()`, ms: Math.max(0, (await probe(`select ${preRequest}()`)) - base) };
    }, { context });
  }
  return out;
}
