// Issue 4: the tenant-isolation matrix, generated from the catalog. Every table and view of the
// exposed schema (public), every Storage bucket (through the Storage API) and every function in
// public is checked for each caller {anon, member of A, member of B, admin of A, person in A and B
// acting in A, platform operator} × {select, insert, update, delete, rpc} against the outcome
// declared in tenancy-matrix.expectations.ts. Something in the database without a declaration
// fails here, so a new table or RPC is covered without anyone remembering to add it.
//
// An RPC check: called with tenant A's ids, the answer is 2xx / 4xx as declared (never 5xx), tenant
// B never changes, tenant A changes only for callers declared to change it, a refused call changes
// nothing, and callers outside A read none of A's private data in the answer.
import { callApi, serviceClient, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import {
  buildFixture, changedParts, closeDb, dropFixture, q, resetPerson, ROLES, signInPeople, snapshotTenant,
  type Fixture, type Person, type Role,
} from './support-tenancy/matrix-fixture';
import {
  arrangePersonRows, BUCKET_LIST, BUCKETS, RELATIONS, RPCS, type LabelledRow, type RpcOutcome, type SelectOutcome,
} from './tenancy-matrix.expectations';
import { THROWAWAY_BUCKET_LIKE, THROWAWAY_TABLE_LIKE } from '../support/throwaway';

let users: Record<Person, SignedInUser>;

const tokenOf = (role: Role): string | undefined => (role === 'anon' ? undefined : users[role].token);
const deniedStatus = (role: Role) => (role === 'anon' ? 401 : 403);
const quoteIn = (values: string[]) => `in.(${values.map((v) => `"${v}"`).join(',')})`;

beforeAll(async () => {
  users = await signInPeople();
  await arrangePersonRows({ users });
});

afterAll(async () => {
  await closeDb();
});

describe('the catalog is fully declared', () => {
  it('every table and view in public has declared expectations (and none is stale)', async () => {
    const rows = await q<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname not like $1 order by 1`,
      [THROWAWAY_TABLE_LIKE],
    );
    const names = rows.map((r) => r.name);
    expect(names.filter((n) => !(n in RELATIONS))).toEqual([]);
    expect(Object.keys(RELATIONS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('every Storage bucket has declared expectations (and none is stale)', async () => {
    const rows = await q<{ id: string }>('select id from storage.buckets where id not like $1 order by 1', [THROWAWAY_BUCKET_LIKE]);
    const ids = rows.map((r) => r.id);
    expect(ids.filter((n) => !(n in BUCKETS))).toEqual([]);
    expect(Object.keys(BUCKETS).filter((n) => !ids.includes(n))).toEqual([]);
  });

  it('every function in public has declared expectations (and none is stale)', async () => {
    const rows = await q<{ name: string }>(
      `select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1`,
    );
    const names = rows.map((r) => r.name);
    expect(names.filter((n) => !(n in RPCS))).toEqual([]);
    expect(Object.keys(RPCS).filter((n) => !names.includes(n))).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// Tables and views through PostgREST
// ------------------------------------------------------------------------------------------------
async function keyColumns(table: string): Promise<string[]> {
  const rows = await q<{ col: string }>(
    `select a.attname as col
       from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
      where i.indrelid = ('public.' || quote_ident($1))::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return rows.map((r) => r.col);
}

/** The fixture rows as the superuser sees them (what must not change). */
async function rowsAsStored(table: string, keys: string[], rows: LabelledRow[]): Promise<string> {
  const where = rows.map((_, i) => `(${keys.map((k, j) => `x.${k}::text = $${i * keys.length + j + 1}`).join(' and ')})`).join(' or ');
  const params = rows.flatMap((r) => keys.map((k) => r.key[k]));
  const [res] = await q<{ j: string }>(
    `select coalesce(json_agg(x order by x::text)::text, '[]') as j from public.${table} x where ${where || 'false'}`, params);
  return res.j;
}

/** Generated columns: any value sent for them is refused (400) before the table's rights are asked. */
async function generatedColumns(table: string): Promise<Set<string>> {
  const res = await q<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = ('public.' || $1)::regclass and attgenerated <> '' and not attisdropped`, [table]);
  return new Set(res.map((r) => r.name));
}

describe('tables and views (PostgREST)', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await buildFixture(users);
  });
  afterAll(async () => {
    await dropFixture(fx);
  });

  describe.each(Object.keys(RELATIONS))('%s', (table) => {
    const exp = RELATIONS[table];
    let rows: LabelledRow[];
    let keys: string[];
    beforeAll(async () => {
      rows = await exp.rows(fx);
      keys = await keyColumns(table);
    });

    it('fixture rows exist for every label the expectations name', () => {
      const labels = new Set(rows.map((r) => r.label));
      const named = new Set(ROLES.flatMap((role) => (exp.select[role] === 'denied' ? [] : (exp.select[role] as string[]))));
      for (const l of named) expect({ table, label: l, present: labels.has(l) }).toEqual({ table, label: l, present: true });
      expect(rows.length).toBeGreaterThan(0);
    });

    it.each(ROLES)('select as %s', async (role) => {
      const expected: SelectOutcome = exp.select[role];
      const firstKey = keys[0];
      const values = [...new Set(rows.map((r) => r.key[firstKey]))];
      // the key columns only: some tables keep a column from API roles (community_posts.author_id:
      // anonymous questions), and which rows a role sees is what this checks
      const res = await callApi(`/rest/v1/${table}?select=${keys.join(',')}&${firstKey}=${quoteIn(values)}`, { method: 'GET', token: tokenOf(role) });
      if (expected === 'denied') {
        expect({ table, role, status: res.status }).toEqual({ table, role, status: deniedStatus(role) });
        return;
      }
      expect({ table, role, status: res.status }).toEqual({ table, role, status: 200 });
      const seen = new Set<string>();
      for (const r of res.body as Array<Record<string, unknown>>) {
        const match = rows.find((f) => keys.every((k) => String(r[k]) === f.key[k]));
        if (match) seen.add(match.label);
      }
      expect({ table, role, labels: [...seen].sort() }).toEqual({ table, role, labels: [...new Set(expected)].sort() });
    });

    it.each(ROLES)('insert, update and delete as %s are refused and change nothing', async (role) => {
      const firstKey = keys[0];
      const values = [...new Set(rows.map((r) => r.key[firstKey]))];
      const before = await rowsAsStored(table, keys, rows);
      const beforeA = await snapshotTenant(fx, fx.A.id);
      const beforeB = await snapshotTenant(fx, fx.B.id);
      // a forged copy of a fixture row (as an attacker would send it), one real column to update
      const [stored] = JSON.parse(before) as Array<Record<string, unknown>>;
      const generated = await generatedColumns(table);
      const forged = Object.fromEntries(Object.entries(stored).filter(([k]) => k !== 'id' && k !== 'created_at' && !generated.has(k)));
      const column = Object.keys(stored).find((k) => !keys.includes(k) && !generated.has(k)) ?? keys[0];
      const ops: Array<['insert' | 'update' | 'delete', () => Promise<{ status: number }>]> = [
        ['insert', () => callApi(`/rest/v1/${table}`, { token: tokenOf(role), body: forged })],
        ['update', () => callApi(`/rest/v1/${table}?${firstKey}=${quoteIn(values)}`, { method: 'PATCH', token: tokenOf(role), body: { [column]: stored[column] } })],
        ['delete', () => callApi(`/rest/v1/${table}?${firstKey}=${quoteIn(values)}`, { method: 'DELETE', token: tokenOf(role) })],
      ];
      for (const [op, call] of ops) {
        expect(exp[op][role]).toBe('denied');
        const res = await call();
        expect({ table, role, op, status: res.status }).toEqual({ table, role, op, status: deniedStatus(role) });
      }
      expect(await rowsAsStored(table, keys, rows)).toEqual(before);
      expect(changedParts(beforeA, await snapshotTenant(fx, fx.A.id))).toEqual([]);
      expect(changedParts(beforeB, await snapshotTenant(fx, fx.B.id))).toEqual([]);
    });
  });
});

// ------------------------------------------------------------------------------------------------
// Storage through the Storage API
// ------------------------------------------------------------------------------------------------
async function storageCall(path: string, role: Role, init: { method: string; body?: Buffer; headers?: Record<string, string> }) {
  const s = getStack();
  const token = role === 'anon' ? s.anonKey : users[role].token;
  const res = await fetch(`${s.url}/storage/v1${path}`, {
    method: init.method,
    headers: { apikey: s.anonKey, authorization: `Bearer ${token}`, ...init.headers },
    body: init.body ? new Uint8Array(init.body) : undefined,
  });
  await res.arrayBuffer();
  return res.status;
}

const objectRow = async (bucket: string, name: string) =>
  (await q<{ j: string | null }>(`select row_to_json(o)::text as j from storage.objects o where bucket_id = $1 and name = $2`, [bucket, name]))[0]?.j ?? null;

describe('Storage buckets (Storage API), on tenant A’s folder', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await buildFixture(users);
  });
  afterAll(async () => {
    await dropFixture(fx);
  });

  it.each(ROLES)('listing buckets as %s', async (role) => {
    const s = getStack();
    const res = await fetch(`${s.url}/storage/v1/bucket`, {
      headers: { apikey: s.anonKey, authorization: `Bearer ${role === 'anon' ? s.anonKey : users[role].token}` },
    });
    const expected = BUCKET_LIST[role];
    if (expected === 'denied') {
      expect(res.status).toBeGreaterThanOrEqual(400);
      return;
    }
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as Array<{ id: string }>).map((b) => b.id).sort();
    expect({ role, ids }).toEqual({ role, ids: [...expected].sort() });
  });

  describe.each(Object.keys(BUCKETS))('bucket %s', (bucket) => {
    const exp = BUCKETS[bucket];
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    let objectName: string;
    beforeEach(async () => {
      // a real object in A's folder, uploaded by the service (the fixture row alone has no bytes)
      objectName = `${fx.A.id}/matrix-${Math.random().toString(36).slice(2)}.png`;
      const up = await serviceClient().storage.from(bucket).upload(objectName, png, { contentType: 'image/png' });
      expect(up.error).toBeNull();
    });

    it.each(ROLES)('as %s', async (role) => {
      const beforeB = await snapshotTenant(fx, fx.B.id);
      // select: download
      const get = await storageCall(`/object/authenticated/${bucket}/${objectName}`, role, { method: 'GET' });
      expect({ bucket, role, op: 'select', ok: get === 200 }).toEqual({ bucket, role, op: 'select', ok: exp.select[role] === 'ok' });
      // insert: a new object in A's folder
      const fresh = `${fx.A.id}/matrix-new-${Math.random().toString(36).slice(2)}.png`;
      const put = await storageCall(`/object/${bucket}/${fresh}`, role, { method: 'POST', body: png, headers: { 'content-type': 'image/png' } });
      const created = (await objectRow(bucket, fresh)) !== null;
      expect({ bucket, role, op: 'insert', ok: put === 200, created }).toEqual({
        bucket, role, op: 'insert', ok: exp.insert[role] === 'ok', created: exp.insert[role] === 'ok',
      });
      // update: overwrite A's object
      const before = await objectRow(bucket, objectName);
      const upd = await storageCall(`/object/${bucket}/${objectName}`, role, {
        method: 'PUT', body: Buffer.concat([png, png]), headers: { 'content-type': 'image/png' },
      });
      const changed = (await objectRow(bucket, objectName)) !== before;
      expect({ bucket, role, op: 'update', ok: upd === 200, changed }).toEqual({
        bucket, role, op: 'update', ok: exp.update[role] === 'ok', changed: exp.update[role] === 'ok',
      });
      // delete: remove A's object
      await storageCall(`/object/${bucket}/${objectName}`, role, { method: 'DELETE' });
      const gone = (await objectRow(bucket, objectName)) === null;
      expect({ bucket, role, op: 'delete', gone }).toEqual({ bucket, role, op: 'delete', gone: exp.delete[role] === 'ok' });
      expect(changedParts(beforeB, await snapshotTenant(fx, fx.B.id))).toEqual([]);
    });
  });
});

// ------------------------------------------------------------------------------------------------
// Functions (RPC), each call on a freshly built pair of tenants
// ------------------------------------------------------------------------------------------------
/** Text of tenant A that only A's members (and the data's owners) may read. */
function privateMarkersOfA(fx: Fixture): string[] {
  return [fx.A.name, '@a.test', fx.A.allowPhone, fx.A.invitationCode];
}

function statusMatches(outcome: RpcOutcome, role: Role, status: number): boolean {
  if (status >= 500) return false;
  if (outcome === 'ok') return status >= 200 && status < 300;
  if (outcome === 'refused') return role === 'anon' ? status === 401 : status >= 400 && status < 500;
  return true;
}

describe('functions (RPC)', () => {
  describe.each(Object.keys(RPCS))('%s', (fn) => {
    const exp = RPCS[fn];
    it.each(ROLES)('as %s', async (role) => {
      const fx = await buildFixture(users);
      try {
        const beforeA = await snapshotTenant(fx, fx.A.id);
        const beforeB = await snapshotTenant(fx, fx.B.id);
        const res = await callApi(`/rest/v1/rpc/${fn}`, { token: tokenOf(role), body: exp.args(fx, role) });
        const outcome = exp.roles[role];
        expect({ fn, role, outcome, status: res.status, ok: statusMatches(outcome, role, res.status), body: statusMatches(outcome, role, res.status) ? null : res.body })
          .toEqual({ fn, role, outcome, status: res.status, ok: true, body: null });
        const refused = res.status >= 400;
        const changedA = changedParts(beforeA, await snapshotTenant(fx, fx.A.id));
        const changedB = changedParts(beforeB, await snapshotTenant(fx, fx.B.id));
        expect({ fn, role, tenantB: changedB }).toEqual({ fn, role, tenantB: [] });
        if (refused || !(exp.changesA ?? []).includes(role)) {
          expect({ fn, role, tenantA: changedA }).toEqual({ fn, role, tenantA: [] });
        }
        const inA = role === 'memberA' || role === 'adminA' || role === 'both';
        if (!inA && !exp.revealsA && res.status < 300) {
          const text = JSON.stringify(res.body ?? '');
          for (const marker of privateMarkersOfA(fx)) expect({ fn, role, leaks: text.includes(marker) ? marker : null }).toEqual({ fn, role, leaks: null });
        }
      } finally {
        await dropFixture(fx);
        if (role !== 'anon') await resetPerson(users[role]);
      }
    });
  });
});
