// Community figures (issue 15): the feed and a post page on the real community tables under RLS
// versus the table owner with explicit filters, and the publishing check's matching cost.
// The rows are copied from the bench generator's spaces and posts (bench/sql/generate.sql) into
// public.community_sections / community_posts, so the sizes follow the run (1M posts full, 50k quick).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { asMember, generated, markGenerated, measureQuery, settle } from './db.mjs';
import { msSince, percentile, phaseClock, round } from './stats.mjs';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const FEED_COLUMNS = 'id, section_id, author_name, title, like_count, comment_count, pinned_at, created_at';

/**
 * Copies the bench rows into the community tables (every 20th post hidden by reports; every fifth
 * section, the bench's private spaces, restricted to one department); seconds per phase, or what an
 * earlier run copied on this stack (`reuse`).
 */
export async function generateCommunity(client, sizes, { reuse = false } = {}) {
  const key = { E: sizes.E, M: sizes.M, S: sizes.S, N: sizes.N };
  const prev = reuse ? await generated(client, 'community', key) : null;
  if (prev) return { ...prev, reused: true };
  const { phases, mark } = phaseClock();
  // Bulk load on the bench stack only: skip the per-row triggers (inactive-enterprise checks), and
  // build the posts' secondary indexes once after the load rather than row by row.
  await client.query(`set session_replication_role = replica; set maintenance_work_mem = '256MB'; set synchronous_commit = off`);
  await client.query(`select bench_private.set_aside_indexes(array['public.community_posts']::regclass[])`);
  await client.query(`
    insert into public.community_sections (id, enterprise_id, name, sort_order, department_ids)
    select s.id, s.enterprise_id, left(s.name, 20), row_number() over (partition by s.enterprise_id order by s.id),
           case when s.visibility = 'private' then array(
             select d.id from public.departments d where d.enterprise_id = s.enterprise_id
              order by d.id offset (hashtext(s.id::text) & 7) limit 1) else '{}' end
      from bench.spaces s
    on conflict do nothing`);
  await client.query(`
    insert into public.community_posts (id, enterprise_id, section_id, author_id, author_name, title, body, body_text, status, hidden_reason, created_at, updated_at)
    select p.id, p.enterprise_id, p.space_id, p.author_id, '成员', p.title,
           jsonb_build_object('ops', jsonb_build_array(jsonb_build_object('insert', p.body || E'\\n'))), p.body || E'\\n',
           case when hashtext(p.id::text) % 20 = 0 then 'hidden' else 'published' end,
           case when hashtext(p.id::text) % 20 = 0 then 'reports' end,
           p.created_at, p.created_at
      from bench.posts p
    on conflict do nothing`);
  mark('rows');
  await client.query('select bench_private.restore_indexes()');
  mark('indexes');
  await client.query('set session_replication_role = origin');
  for (const tbl of ['public.community_sections', 'public.community_posts']) await client.query(`vacuum (analyze) ${tbl}`);
  await settle(client);
  mark('vacuum');
  const { rows: counts } = await client.query(`select (select count(*) from public.community_posts)::int as posts,
      (select count(*) from public.community_sections)::int as sections,
      (select count(*) from public.community_sections where department_ids <> '{}')::int as restricted_sections,
      pg_size_pretty(pg_total_relation_size('public.community_posts')) as size`);
  const result = { seconds: round(phases.rows + phases.indexes + phases.vacuum, 1), phases, counts: counts[0] };
  await markGenerated(client, 'community', key, result);
  return result;
}

/** A post of the member's enterprise with 200 comments (threaded: every fifth replies and quotes). */
async function postWith200Comments(client, member) {
  // Written by a colleague: the member reads them as any reader does (their hidden ones stay hidden).
  const { rows: other } = await client.query(
    'select user_id from public.enterprise_members where enterprise_id = $1 and user_id <> $2 order by user_id limit 1', [member.enterpriseId, member.userId]);
  const { rows } = await client.query(
    `select id, section_id from public.community_posts where enterprise_id = $1 and status = 'published' order by created_at desc limit 1`,
    [member.enterpriseId]);
  const post = rows[0];
  const { rows: have } = await client.query('select count(*)::int as n from public.community_comments where post_id = $1', [post.id]);
  if (have[0].n >= 200) return post; // an earlier run on this stack made them
  await client.query('set session_replication_role = replica');
  await client.query(`
    insert into public.community_comments (id, enterprise_id, section_id, post_id, author_id, author_name, body_text, status, created_at)
    select gen_random_uuid(), $1, $2, $3, $4, '成员', '评论 ' || g || ' ' || repeat('内容', 1 + g % 20),
           case when g % 25 = 0 then 'hidden' else 'published' end, now() - (300 - g) * interval '1 minute'
      from generate_series(1, 210) g`, [member.enterpriseId, post.section_id, post.id, other[0].user_id]);
  await client.query(`
    update public.community_comments c set parent_id = p.id, quote_id = p.id
      from (select id, row_number() over (order by created_at) as n from public.community_comments where post_id = $1) p,
           (select id, row_number() over (order by created_at) as n from public.community_comments where post_id = $1) me
     where c.id = me.id and me.n % 5 = 0 and p.n = me.n - 1`, [post.id]);
  await client.query('set session_replication_role = origin');
  await client.query('analyze public.community_comments');
  return post;
}

export async function communityFigures(client, member, { iterations, report, section, sizes, reuse }) {
  const gen = await generateCommunity(client, sizes, { reuse });
  const c = gen.counts;
  report.add({ section, name: 'community.generate', value: gen.seconds, unit: 's', budget: null, digits: 1,
    source: `copy of the bench rows: rows ${gen.phases.rows} s, indexes ${gen.phases.indexes} s, vacuum+analyze ${gen.phases.vacuum} s${gen.reused ? ' (loaded by an earlier run on this stack)' : ''}`,
    note: `${c.posts} posts (${c.size}), ${c.sections} sections of which ${c.restricted_sections} restricted to a department; every 20th post hidden by reports` });

  // What the member may see, as the app would compute it beforehand for the explicit query.
  const sectionIds = await asMember(client, member.claims, async () =>
    (await client.query('select id from public.community_sections where enterprise_id = $1', [member.enterpriseId])).rows.map((r) => r.id));
  const post = await postWith200Comments(client, member);

  const queries = {
    feed: {
      title: 'community feed: latest posts in my enterprise, sections I can see, hidden items excluded',
      member: { text: `select ${FEED_COLUMNS} from public.community_posts where enterprise_id = $1 order by created_at desc limit 20`, args: (m) => [m.enterpriseId] },
      owner: {
        text: `select ${FEED_COLUMNS} from public.community_posts where enterprise_id = $1 and section_id = any($2::uuid[])
                 and (status = 'published' or author_id = $3) order by created_at desc limit 20`,
        args: (m) => [m.enterpriseId, sectionIds, m.userId],
      },
    },
    post_page: {
      title: 'community post page: 200 comments of one post (threaded, quotes), hidden ones excluded',
      member: { text: 'select id, parent_id, quote_id, author_name, body_text, created_at from public.community_comments where post_id = $1 order by created_at limit 200', args: () => [post.id] },
      owner: {
        text: `select id, parent_id, quote_id, author_name, body_text, created_at from public.community_comments
                where post_id = $1 and section_id = any($2::uuid[]) and (status = 'published' or author_id = $3) order by created_at limit 200`,
        args: (m) => [post.id, sectionIds, m.userId],
      },
    },
  };
  for (const [key, query] of Object.entries(queries)) {
    const r = await measureQuery(client, key, member, { iterations, query });
    if (key === 'feed') {
      for (const p of ['p50', 'p95']) {
        report.add({ section, name: `community.feed.${p}`, value: r.member[p], unit: 'ms', reference: r.owner[p],
          budget: p === 'p50' ? 1.2 * r.owner[p] : null, budgetRule: p === 'p50' ? 'ratio ≤ 1.2' : undefined,
          source: p === 'p50' ? `${r.title}; member under RLS vs owner with explicit filters; same rows: ${r.sameRows ? 'yes' : 'NO'}` : undefined });
      }
    } else {
      report.add({ section, name: 'community.post_page.p95', value: r.member.p95, unit: 'ms', reference: r.owner.p95, budget: 15,
        source: `${r.title}; member under RLS (${r.rows} rows), reference: owner with explicit filters; same rows: ${r.sameRows ? 'yes' : 'NO'}` });
      report.add({ section, name: 'community.post_page.p50', value: r.member.p50, unit: 'ms', reference: r.owner.p50, budget: null, note: 'informational' });
    }
    report.block(section, `Plans: ${r.title} — member under RLS`, `${r.sql.member}\n\n${r.plans.member}`);
    report.block(section, `Plans: ${r.title} — owner, no RLS`, `${r.sql.owner}\n\n${r.plans.owner}`);
  }

  // The same feed statement with and without the community request context, interleaved on one
  // connection: what resolving the caller's sections in the pre-request hook saves per statement
  // (without it, the policy's helpers resolve them at every statement, as before 2026-12-06).
  const feed = queries.feed.member;
  const run = (forget) => asMember(client, member.claims, async () => {
    if (forget) await client.query(`select set_config('zx.ctx_community_uid', '', true)`);
    const t = process.hrtime.bigint();
    await client.query({ text: feed.text, values: feed.args(member) });
    return msSince(t);
  });
  const withContext = [];
  const perStatement = [];
  for (let i = 0; i < 10 + iterations; i++) {
    const [a, b] = i % 2 ? [await run(true), await run(false)].reverse() : [await run(false), await run(true)];
    if (i >= 10) {
      withContext.push(a);
      perStatement.push(b);
    }
  }
  report.add({ section, name: 'community.feed.p50.helpers_per_statement', value: percentile(perStatement, 50), unit: 'ms',
    reference: percentile(withContext, 50), budget: null,
    note: 'informational: the member\'s feed when the policy helpers resolve the caller at every statement (no community request context); reference: the same statement with it, interleaved' });
}

/** The publishing check in Deno (bench/community-check.ts): 5,000 characters against 10,000 words. */
export function publishCheckFigures({ report, section, runs }) {
  const deno = [path.join(ROOT, 'node_modules/deno/deno')].find(existsSync);
  if (!deno) throw new Error('deno not found in node_modules');
  const out = execFileSync(deno, ['run', '--config', path.join(ROOT, 'supabase/functions/deno.json'), '--allow-all',
    path.join(ROOT, 'bench/community-check.ts'), '10000', '5000', String(runs)], { encoding: 'utf8', timeout: 300_000 });
  const r = JSON.parse(out.trim().split('\n').at(-1));
  report.add({ section, name: 'community.publish_check.p50', value: r.p50, unit: 'ms', budget: 5, reference: r.loop_p50,
    source: `word-check.ts (normalise + fastscan) on ${r.chars} characters against ${r.words} words, ${r.runs} runs after 20 warm-up runs, ${r.hits} hits; ` +
      `reference: one Map lookup per character of the same text (the floor of any scan on this machine at this load); normalisation alone ${r.normalize_p50.toFixed(2)} ms; building the matcher ${r.build_ms.toFixed(0)} ms (once per list version)` });
  report.add({ section, name: 'community.publish_check.p95', value: r.p95, unit: 'ms', budget: null, reference: r.loop_p50, note: 'informational' });
}
