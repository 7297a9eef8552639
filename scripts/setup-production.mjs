// `npm run setup:production -- --db-url <postgres url> --operator-phone <mobile>`
//
// Initialises a real Supabase project after `supabase db push` (which applies migrations only,
// never supabase/seed.sql): loads the agreement texts kept in supabase/agreements/*.md and makes the
// first platform operator. Until the agreements exist the gate refuses everyone with
// `platform_not_initialized`, and nobody could publish them through the app.
//
// Idempotent: documents are matched by slug and versions by (document, version number), so a second
// run adds nothing. Published versions are never changed: if a file's text differs from the version
// in the database, the script says so and leaves it (publish a new version in the ops pages instead).
// The operator is the account with that phone; if none exists yet, an account with a confirmed phone
// and no password is created, which signs in with an SMS code and goes through onboarding like anyone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './lib/proc.mjs';

const USAGE = `usage: npm run setup:production -- --db-url <postgres url> --operator-phone <mobile> [--operator-note <text>] [--agreements <dir>]
  --db-url          the project's database (Supabase dashboard › Connect › session pooler or direct connection)
  --operator-phone  mainland China mobile of the first platform operator (13800000000 or +8613800000000)
  --agreements      folder of agreement files (default supabase/agreements)`;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument: ${a}`);
    out[m[1]] = m[2] ?? argv[++i];
    if (out[m[1]] === undefined) throw new Error(`--${m[1]} needs a value`);
  }
  return out;
}

/** `---` front matter of `key: value` lines (JSON values where they parse: booleans, numbers, arrays). */
export function parseAgreementFile(text, file = 'agreement') {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!m) throw new Error(`${file}: no front matter`);
  const meta = {};
  for (const line of m[1].split('\n')) {
    if (!line.trim()) continue;
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`${file}: bad front matter line: ${line}`);
    let value = kv[2];
    try {
      if (/^(true|false|-?\d+|\[.*\]|\{.*\})$/.test(value)) value = JSON.parse(value);
    } catch {
      throw new Error(`${file}: ${kv[1]} is not valid JSON`);
    }
    meta[kv[1]] = value;
  }
  for (const k of ['slug', 'kind', 'title', 'required', 'audience', 'sort_order', 'version', 'version_title', 'effective_at']) {
    if (meta[k] === undefined || meta[k] === '') throw new Error(`${file}: front matter lacks ${k}`);
  }
  return { meta, body: m[2] };
}

export function readAgreements(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: f, ...parseAgreementFile(readFileSync(path.join(dir, f), 'utf8'), f) }));
}

function normalizePhone(input) {
  const digits = String(input ?? '').replace(/[\s-]/g, '').replace(/^\+/, '');
  const national = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  return /^1[3-9]\d{9}$/.test(national) ? `86${national}` : null;
}

async function loadAgreements(client, agreements) {
  const report = [];
  for (const { file, meta, body } of agreements) {
    const doc = await client.query(
      `insert into public.agreement_documents (id, slug, kind, title, required, audience, sort_order)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7)
       on conflict (slug) do nothing
       returning id`,
      [meta.document_id || null, meta.slug, meta.kind, meta.title, meta.required, meta.audience, meta.sort_order],
    );
    const documentId = doc.rows[0]?.id
      ?? (await client.query('select id from public.agreement_documents where slug = $1', [meta.slug])).rows[0].id;
    const existing = await client.query(
      'select body_md from public.agreement_versions where document_id = $1 and version = $2', [documentId, meta.version]);
    if (existing.rowCount) {
      report.push(existing.rows[0].body_md === body
        ? `${meta.slug} v${meta.version}: present`
        : `${meta.slug} v${meta.version}: present, but its text differs from ${file} (published versions are never changed; publish a new version instead)`);
      continue;
    }
    await client.query(
      `insert into public.agreement_versions (id, document_id, version, title, body_md, key_clauses, effective_at, published_at)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6::jsonb, $7::timestamptz, least(now(), $7::timestamptz))`,
      [meta.version_id || null, documentId, meta.version, meta.version_title, body, JSON.stringify(meta.key_clauses ?? []), meta.effective_at],
    );
    report.push(`${meta.slug} v${meta.version}: loaded`);
  }
  return report;
}

async function ensureOperator(client, phone, note) {
  let user = (await client.query('select id from auth.users where phone = $1', [phone])).rows[0];
  let created = false;
  if (!user) {
    user = (await client.query(
      `insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, now(),
               '{"provider":"phone","providers":["phone"]}'::jsonb, '{}'::jsonb, now(), now())
       returning id`, [phone])).rows[0];
    await client.query(
      `insert into auth.identities (id, user_id, provider_id, provider, identity_data, created_at, updated_at)
       values (gen_random_uuid(), $1::uuid, $2::text, 'phone', jsonb_build_object('sub', $2::text, 'phone', $3::text, 'phone_verified', true), now(), now())`,
      [user.id, String(user.id), phone]);
    created = true;
  }
  const op = await client.query(
    'insert into private.platform_operators (user_id, note) values ($1, $2) on conflict (user_id) do nothing returning user_id', [user.id, note]);
  if (op.rowCount) {
    await client.query(
      `insert into public.operator_audit_log (operator_id, action, target_type, target_id, reason, before, after)
       values (null, 'operator.grant', 'account', $1::text, $2, jsonb_build_object('operator', false), jsonb_build_object('operator', true))`,
      [user.id, `setup:production: ${note}`]);
  }
  return { userId: user.id, created, granted: op.rowCount === 1 };
}

export async function setupProduction({ dbUrl, operatorPhone, operatorNote = 'first platform operator (setup:production)', agreementsDir }) {
  const phone = normalizePhone(operatorPhone);
  if (!phone) throw new Error('--operator-phone must be a mainland China mobile number');
  const agreements = readAgreements(agreementsDir);
  const required = agreements.filter((a) => a.meta.required && a.meta.audience === 'everyone');
  if (!required.length) throw new Error(`${agreementsDir}: no required agreement for everyone; the gate would stay closed`);

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const schema = await client.query(`select to_regclass('public.agreement_documents') is not null as ok,
                                              to_regclass('private.platform_operators') is not null as ops`);
    if (!schema.rows[0].ok || !schema.rows[0].ops) {
      throw new Error('the database has no Zhixiang schema: run `npx supabase db push` first');
    }
    await client.query('begin');
    const report = await loadAgreements(client, agreements);
    const operator = await ensureOperator(client, phone, operatorNote);
    await client.query('commit');
    const initialized = (await client.query('select private.platform_initialized() as ok')).rows[0].ok;
    return { report, operator, initialized };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const dbUrl = args['db-url'] ?? process.env.DATABASE_URL;
  if (!dbUrl || !args['operator-phone']) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const { report, operator, initialized } = await setupProduction({
      dbUrl,
      operatorPhone: args['operator-phone'],
      operatorNote: args['operator-note'],
      agreementsDir: path.resolve(ROOT, args.agreements ?? 'supabase/agreements'),
    });
    for (const line of report) console.log(`agreement  ${line}`);
    console.log(`operator   ${operator.userId}: ${operator.granted ? 'granted' : 'already an operator'}${operator.created ? ' (account created: sign in by SMS code)' : ''}`);
    console.log(`platform   ${initialized ? 'initialised' : 'NOT initialised'}`);
    process.exit(initialized ? 0 : 1);
  } catch (err) {
    console.error(`setup:production failed: ${err.message}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
