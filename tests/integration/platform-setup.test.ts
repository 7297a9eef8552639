// Issue 10, production bootstrap: a database that got only the migrations (what `supabase db push`
// gives a real project) fails closed until `npm run setup:production` has loaded the agreements and
// made the first operator; the script is idempotent; and the seed's agreements are the repository's
// texts. The fresh database is a second database in the stack's Postgres server, so emptying the
// agreements never disturbs the suites running against the stack.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { sql } from '../support/clients';
import { getStack } from '../support/stack';
import { applyBootstrap } from '../../tools/local-stack/schema';

const ROOT = path.resolve(__dirname, '../..');
const AGREEMENTS = path.join(ROOT, 'supabase/agreements');

function runSetup(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('node', ['scripts/setup-production.mjs', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** Front matter and body of supabase/agreements/<file>, parsed the simple way the script expects. */
function agreementFile(file: string): { meta: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path.join(AGREEMENTS, file), 'utf8'));
  if (!m) throw new Error(`${file}: no front matter`);
  const meta = Object.fromEntries(m[1].split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
  return { meta, body: m[2] };
}

describe('production bootstrap (a database with migrations only)', () => {
  const dbName = `zx_setup_${process.pid}_${Date.now()}`;
  let dbUrl: string;
  let db: Client;

  beforeAll(async () => {
    const admin = new Client({ connectionString: getStack().databaseUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.query(`create database ${dbName}_empty`);
    await admin.end();
    const url = new URL(getStack().databaseUrl);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    // What a Supabase project has before any migration, then every migration file in order: the
    // state `supabase db push` leaves (it never runs seed.sql on a linked project).
    const pool = new Pool({ connectionString: dbUrl, max: 1 });
    await applyBootstrap(pool);
    const dir = path.join(ROOT, 'supabase/migrations');
    for (const f of readdirSync(dir).filter((n) => /^\d+_.*\.sql$/.test(n)).sort()) {
      await pool.query(readFileSync(path.join(dir, f), 'utf8'));
    }
    await pool.end();
    db = new Client({ connectionString: dbUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    const admin = new Client({ connectionString: getStack().databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`drop database if exists ${dbName}_empty with (force)`);
    await admin.end();
  });

  /** A signed-up adult with a birth date: on a seeded platform the gate would ask for consents. */
  async function adult(phone: string): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, now(), now(), now())
       returning id`, [phone]);
    await db.query(`update private.accounts set birth_date = '1990-01-01', birth_date_set_at = now() where user_id = $1`, [rows[0].id]);
    return rows[0].id;
  }

  /** What the caller's RPCs see: the gate assertion run as the user, through the authenticated role. */
  async function assertClearedAs(userId: string): Promise<{ code?: string; message?: string; hint?: string }> {
    await db.query('begin');
    try {
      await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
      await db.query('set local role authenticated');
      await db.query('select public.create_enterprise($1, $2, $3, $4, $5)', ['初始化测试企业', '软件', '1-49', '张三', '13800000000']);
      return {};
    } catch (err) {
      const e = err as { code?: string; message?: string; hint?: string };
      return { code: e.code, message: e.message, hint: e.hint };
    } finally {
      await db.query('rollback');
    }
  }

  it('fails closed before setup, loads agreements and the operator once, and is idempotent', async () => {
    const user = await adult('8613700000001');
    expect((await db.query('select private.gate_code($1) as g', [user])).rows[0].g).toBe('platform_not_initialized');
    expect(await assertClearedAs(user)).toEqual({ code: '42501', message: 'platform_not_initialized', hint: '平台尚未完成初始化，请稍后再试' });
    // Standing still comes first: a suspended account hears about its suspension.
    const suspended = await adult('8613700000002');
    await db.query(`update private.accounts set status = 'suspended' where user_id = $1`, [suspended]);
    expect((await db.query('select private.gate_code($1) as g', [suspended])).rows[0].g).toBe('account_suspended');

    const usage = await runSetup(['--db-url', dbUrl]);
    expect(usage.code).toBe(2);

    const first = await runSetup(['--db-url', dbUrl, '--operator-phone', '+86 139 1234 5678']);
    expect({ code: first.code, out: first.out }).toEqual({ code: 0, out: expect.stringContaining('platform   initialised') });
    const files = readdirSync(AGREEMENTS).filter((f) => f.endsWith('.md')).sort();
    const docs = await db.query<{ slug: string; required: boolean; audience: string; body_md: string; version: number }>(
      `select d.slug, d.required, d.audience, v.body_md, v.version
         from public.agreement_documents d join public.agreement_versions v on v.document_id = d.id order by d.slug`);
    expect(docs.rows.map((r) => `${r.slug}.md`)).toEqual(files);
    for (const r of docs.rows) expect(r.body_md).toBe(agreementFile(`${r.slug}.md`).body);

    const op = await db.query<{ user_id: string; phone: string }>(
      'select o.user_id, u.phone from private.platform_operators o join auth.users u on u.id = o.user_id');
    expect(op.rows.map((r) => r.phone)).toEqual(['8613912345678']);
    const audit = await db.query(`select action, target_id from public.operator_audit_log where action = 'operator.grant'`);
    expect(audit.rows).toEqual([{ action: 'operator.grant', target_id: op.rows[0].user_id }]);

    // The gate now asks for the consents, as on any initialised platform.
    expect((await db.query('select private.gate_code($1) as g', [user])).rows[0].g).toBe('consent_required');
    expect((await assertClearedAs(user)).message).toBe('consent_required');

    const second = await runSetup(['--db-url', dbUrl, '--operator-phone', '13912345678']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('already an operator');
    expect(second.out).not.toContain('loaded');
    const counts = await db.query(`select (select count(*) from public.agreement_documents)::int as docs,
                                          (select count(*) from public.agreement_versions)::int as versions,
                                          (select count(*) from private.platform_operators)::int as operators,
                                          (select count(*) from auth.users where phone = '8613912345678')::int as users`);
    expect(counts.rows[0]).toEqual({ docs: files.length, versions: files.length, operators: 1, users: 1 });

    // A file edited after publication never rewrites the published version: it is reported.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zx-agreements-'));
    try {
      writeFileSync(path.join(dir, 'service.md'), `${readFileSync(path.join(AGREEMENTS, 'service.md'), 'utf8')}\n改过的条款\n`);
      const edited = await runSetup(['--db-url', dbUrl, '--operator-phone', '13912345678', '--agreements', dir]);
      expect(edited.code).toBe(0);
      expect(edited.out).toContain('service v1: present, but its text differs');
      const body = await db.query(`select v.body_md from public.agreement_versions v join public.agreement_documents d on d.id = v.document_id where d.slug = 'service'`);
      expect(body.rows).toEqual([{ body_md: agreementFile('service.md').body }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a database without the schema, saying what to run first', async () => {
    const url = new URL(getStack().databaseUrl);
    url.pathname = `/${dbName}_empty`;
    const res = await runSetup(['--db-url', url.toString(), '--operator-phone', '13912345678']);
    expect(res.code).toBe(1);
    expect(res.out).toContain('supabase db push');
  });
});

describe('agreement texts', () => {
  it('the seeded agreements are exactly the texts in supabase/agreements', async () => {
    for (const file of readdirSync(AGREEMENTS).filter((f) => f.endsWith('.md'))) {
      const { meta, body } = agreementFile(file);
      const rows = await sql<{ body_md: string; title: string; key_clauses: unknown }>(
        `select v.body_md, v.title, v.key_clauses from public.agreement_versions v
           join public.agreement_documents d on d.id = v.document_id
          where d.slug = $1 and v.version = $2`, [meta.slug, Number(meta.version)]);
      expect({ file, found: rows.length }).toEqual({ file, found: 1 });
      expect({ file, same: rows[0].body_md === body, title: rows[0].title, key_clauses: rows[0].key_clauses })
        .toEqual({ file, same: true, title: meta.version_title, key_clauses: JSON.parse(meta.key_clauses) });
    }
  });
});
