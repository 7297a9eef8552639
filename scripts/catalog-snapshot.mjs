// `node scripts/catalog-snapshot.mjs [DATABASE_URL] > snap.txt`: a sorted, line-per-object text dump
// of what the migrations build (functions, tables, columns, constraints, indexes, policies, triggers,
// grants, enums, views, sequences, storage buckets, and the rows of the tables the migrations fill),
// so a migration refactor can be checked by diffing two snapshots: an empty diff means the database
// is the same. Function bodies are compared with whitespace collapsed. Uses DATABASE_URL, else the
// running stack's .local/stack.env.
import { readFileSync } from 'node:fs';
import pg from 'pg';

function stackUrl() {
  const env = readFileSync(new URL('../.local/stack.env', import.meta.url), 'utf8');
  return /^DATABASE_URL=(.*)$/m.exec(env)[1];
}
const url = process.argv[2] ?? process.env.DATABASE_URL ?? stackUrl();
const db = new pg.Client({ connectionString: url });
await db.connect();

const NS = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;
const out = [];
// An ACL's items are in grant order; the same rights granted in another order are the same ACL.
const sortAcl = (v) => (typeof v === 'string' && /^\{.*=.*\}$/.test(v) ? `{${v.slice(1, -1).split(',').sort().join(',')}}` : v);
const emit = (kind, rows) => {
  for (const r of rows) {
    for (const k of Object.keys(r)) if (/acl$/.test(k)) r[k] = sortAcl(r[k]);
    out.push(`${kind} ${JSON.stringify(r)}`);
  }
};
const q = async (sql) => (await db.query(sql)).rows;

emit('schema', await q(`select n.nspname, n.nspacl::text acl from pg_namespace n where ${NS}`));
emit('function', await q(`
  select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' sig,
         pg_get_function_arguments(p.oid) args, pg_get_function_result(p.oid) result, l.lanname lang,
         p.provolatile vol, p.prosecdef secdef, p.proconfig::text config, p.proacl::text acl, p.prokind kind,
         p.proisstrict strict, p.proleakproof leakproof, p.proparallel parallel, p.procost cost, p.prorows prows,
         pg_get_userbyid(p.proowner) owner, obj_description(p.oid, 'pg_proc') is not null has_comment,
         regexp_replace(btrim(p.prosrc), '\\s+', ' ', 'g') body
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
   where ${NS} and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`));
emit('relation', await q(`
  select n.nspname || '.' || c.relname rel, c.relkind, c.relrowsecurity rls, c.relforcerowsecurity force,
         c.relacl::text acl, pg_get_userbyid(c.relowner) owner, c.reloptions::text opts,
         case when c.relkind in ('v', 'm') then regexp_replace(pg_get_viewdef(c.oid), '\\s+', ' ', 'g') end viewdef
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where ${NS} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
     and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`));
emit('column', await q(`
  select n.nspname || '.' || c.relname || '.' || a.attname col, a.attnum, format_type(a.atttypid, a.atttypmod) type,
         a.attnotnull notnull, pg_get_expr(ad.adbin, ad.adrelid) def, a.attidentity ident, a.attgenerated gen,
         a.attacl::text acl, co.collname coll
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 100
   where ${NS} and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped`));
emit('constraint', await q(`
  select n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || k.conname con, k.contype,
         pg_get_constraintdef(k.oid) def, k.condeferrable, k.condeferred
    from pg_constraint k join pg_namespace n on n.oid = k.connamespace
    left join pg_class c on c.oid = k.conrelid left join pg_type t on t.oid = k.contypid
   where ${NS}`));
emit('index', await q(`
  select n.nspname || '.' || i.relname idx, pg_get_indexdef(i.oid) def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
   where ${NS}`));
emit('policy', await q(`
  select schemaname || '.' || tablename || ' ' || policyname pol, permissive, roles::text, cmd, qual, with_check
    from pg_policies`));
emit('trigger', await q(`
  select n.nspname || '.' || c.relname || ' ' || t.tgname trg, pg_get_triggerdef(t.oid) def, t.tgenabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
   where ${NS} and not t.tgisinternal`));
emit('event_trigger', await q(`select evtname, evtevent, evtfoid::regproc::text fn, evtenabled, evttags::text from pg_event_trigger`));
emit('type', await q(`
  select n.nspname || '.' || t.typname typ, t.typtype,
         (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) labels,
         format_type(t.typbasetype, t.typtypmod) base, t.typnotnull, t.typacl::text acl
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
   where ${NS} and t.typtype in ('e', 'd', 'c') and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))`));
emit('extension', await q(`select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace`));
emit('default_acl', await q(`select pg_get_userbyid(defaclrole) role, defaclnamespace::regnamespace::text ns, defaclobjtype, defaclacl::text from pg_default_acl`));
emit('role', await q(`select rolname, rolsuper, rolinherit, rolcanlogin, rolbypassrls, rolconfig::text from pg_roles where rolname !~ '^pg_'`));
emit('role_member', await q(`select r.rolname role, m.rolname member from pg_auth_members am join pg_roles r on r.oid = am.roleid join pg_roles m on m.oid = am.member`));
emit('publication', await q(`select pubname, schemaname || '.' || tablename tbl from pg_publication_tables`));
emit('cron', await q(`select to_regclass('cron.job') is not null has_cron`));
emit('comment', await q(`
  select d.classoid::regclass::text cls, coalesce(pg_describe_object(d.classoid, d.objoid, d.objsubid), '?') obj, d.description
    from pg_description d where d.classoid in ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass, 'pg_namespace'::regclass)
     and d.objoid >= 16384`));

// Rows: every table in the schemas the migrations own (and storage.buckets), sorted; columns whose
// values are made at run time (uuids from gen_random_uuid, now()) stay in: a fresh --reset stack is
// compared with another fresh one, so only registry/seed rows are present and any drift shows.
const tables = await q(`
  select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('r', 'p') and (n.nspname in ('public', 'private', 'hooks') or (n.nspname, c.relname) in (('storage', 'buckets')))
   order by 1, 2`);
const VOLATILE = /(_at$|^token|code_hash|secret|salt|^hash$|^ts$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
for (const { nspname, relname } of tables) {
  const rows = await q(`select * from ${JSON.stringify(nspname)}.${JSON.stringify(relname)}`);
  out.push(`rowcount ${nspname}.${relname} ${rows.length}`);
  if (rows.length > 500) continue;
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      // seeded uuids are written by hand (few distinct digits); gen_random_uuid() ones differ per run
      if (r[k] instanceof Date) r[k] = '~';
      else if (typeof r[k] === 'string' && UUID.test(r[k]) && new Set(r[k].replaceAll('-', '')).size > 6) r[k] = '~uuid';
      else if (r[k] !== null && typeof r[k] === 'object' && !Array.isArray(r[k])) r[k] = JSON.stringify(r[k]).replace(UUIDS, '~uuid');
      if (VOLATILE.test(k) && typeof r[k] !== 'string') r[k] = '~';
    }
    out.push(`row ${nspname}.${relname} ${JSON.stringify(r)}`);
  }
}
await db.end();
out.sort();
process.stdout.write(out.join('\n') + '\n');
