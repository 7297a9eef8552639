// API figures: the same list through the gateway (/rest/v1, apikey + member JWT, as the app calls
// it) versus straight to PostgREST's own port; then requests/s under load from a second process.
import crypto from 'node:crypto';
import http from 'node:http';
import { BIN, run } from '../../scripts/lib/proc.mjs';
import { msSince, percentile } from './stats.mjs';

const b64url = (v) => Buffer.from(v).toString('base64url');

/** An HS256 access token shaped like GoTrue's, for the bench member. */
export function memberJwt(userId, secret) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(
    JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 7200, aal: 'aal1', session_id: crypto.randomUUID() }),
  );
  const sig = crypto.createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
}

export function listTargets({ env, restPort, member, token }) {
  const query = `select=id,space_id,author_id,created_at,title&enterprise_id=eq.${member.enterpriseId}&order=created_at.desc&limit=20`;
  const common = { 'accept-profile': 'bench', authorization: `Bearer ${token}` };
  return {
    gateway: { url: `${env.SUPABASE_URL}/rest/v1/posts?${query}`, headers: { ...common, apikey: env.SUPABASE_ANON_KEY } },
    direct: { url: `http://127.0.0.1:${restPort}/posts?${query}`, headers: common },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get({ url, headers }) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
  });
}

/** Sequential requests, gateway and direct interleaved; p50/p95 of each. */
export async function latency(targets, { iterations, warmup = 10 }) {
  const out = { gateway: [], direct: [] };
  const first = {};
  for (let i = 0; i < warmup + iterations; i++) {
    const order = i % 2 ? ['direct', 'gateway'] : ['gateway', 'direct'];
    for (const which of order) {
      const t = process.hrtime.bigint();
      const r = await get(targets[which]);
      const ms = msSince(t);
      if (r.status !== 200) throw new Error(`${which} answered ${r.status}: ${r.body.slice(0, 200)}`);
      first[which] ??= JSON.parse(r.body);
      if (i >= warmup) out[which].push(ms);
    }
  }
  if (!first.gateway.length || JSON.stringify(first.gateway) !== JSON.stringify(first.direct)) {
    throw new Error('gateway and PostgREST returned different lists (or none)');
  }
  return { gateway: stats(out.gateway), direct: stats(out.direct), rows: first.gateway.length, samples: out };
}

const stats = (xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) });
const p50Ratio = (r) => r.gateway.p50 / r.direct.p50;

/**
 * `rounds` interleaved comparisons one after another (odd, so one is the median). The p50 figure is
 * the round with the median p50 ratio: on this shared VM a neighbour's burst slows the gateway hop
 * (a wake-up on a busy core) more than PostgREST, and one busy round should not decide the figure.
 * The p95 pools every round's samples.
 */
export async function latencyRounds(targets, { rounds, iterations }) {
  const all = [];
  for (let i = 0; i < rounds; i++) all.push(await latency(targets, { iterations }));
  const median = [...all].sort((a, b) => p50Ratio(a) - p50Ratio(b))[(rounds - 1) >> 1];
  const pooled = (which) => stats(all.flatMap((r) => r.samples[which]));
  return {
    p50: { gateway: median.gateway.p50, direct: median.direct.p50 },
    p95: { gateway: pooled('gateway').p95, direct: pooled('direct').p95 },
    ratios: all.map(p50Ratio),
    rows: median.rows,
  };
}

/** autocannon in its own process (this process only waits), `connections` keep-alive clients. */
export async function load(target, { seconds, connections = 10 }) {
  const args = ['-j', '-c', String(connections), '-d', String(seconds)];
  for (const [k, v] of Object.entries(target.headers)) args.push('-H', `${k}=${v}`);
  args.push(target.url);
  const { code, out } = await run(BIN('autocannon'), args, { quiet: true });
  const json = out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1);
  if (code !== 0 || !json) throw new Error(`autocannon failed (${code}): ${out.slice(-500)}`);
  const r = JSON.parse(json);
  const bad = (r.non2xx ?? 0) + (r.errors ?? 0) + (r.timeouts ?? 0);
  if (bad) throw new Error(`autocannon: ${bad} of ${r.requests.total} requests failed (non-2xx/errors/timeouts)`);
  return { rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, total: r.requests.total };
}
