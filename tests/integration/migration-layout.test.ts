// Migration layout (docs/database.md "Migration layout"): every function is created in exactly one
// migration file. A second `create or replace` in a later file silently replaces the first one,
// so two helpers (or two modules) editing "the same" function in two files lose each other's work
// and the reader of the first file reads code that no longer runs. Reads the files, not the catalog:
// the catalog only ever shows the last definition.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.join(__dirname, '..', '..', 'supabase', 'migrations');

/**
 * Functions that a later migration is allowed to redefine, with the file that does it. Empty until
 * the first production deploy: before it, a function is edited in place in its domain file. After
 * it, a change to a deployed function goes into a new `<timestamp>_<domain>_<change>.sql` and is
 * listed here ("private.fn" → that file's name).
 */
const REDEFINED_AFTER_DEPLOY: Record<string, string> = {};

/** Blanks out comments, string literals and dollar-quoted bodies so only top-level SQL is scanned. */
export function topLevelSql(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    let m: RegExpMatchArray | null;
    if (rest.startsWith('--')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (rest.startsWith('/*')) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      out += "''";
      i = j + 1;
    } else if ((m = rest.match(/^\$[A-Za-z_]*\$/))) {
      const end = text.indexOf(m[0], i + m[0].length);
      out += '$$ $$';
      i = end < 0 ? text.length : end + m[0].length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** `schema.name` of every function a migration creates (overloads are not used in this schema). */
export function createdFunctions(text: string): string[] {
  const names: string[] = [];
  const re = /\bcreate\s+(?:or\s+replace\s+)?function\s+("?[\w]+"?\s*\.\s*"?[\w]+"?)\s*\(/gi;
  for (const m of topLevelSql(text).matchAll(re)) names.push(m[1].replace(/["\s]/g, '').toLowerCase());
  return names;
}

/** `public.name` of every RPC a migration exposes with `private.expose_rpcs(...)` (docs/database.md). */
export function exposedFunctions(text: string): string[] {
  const names: string[] = [];
  for (const call of text.matchAll(/\bselect\s+private\.expose_rpcs\s*\(([^;]*)\);/gi)) {
    for (const m of call[1].matchAll(/'(\w+)'/g)) names.push(`public.${m[1].toLowerCase()}`);
  }
  return names;
}

/**
 * Hand-written public wrappers (`create function public.fn(…) … as $$ select [* from] private.fn(…) $$`)
 * and hand-written execute grants on them: both belong to `private.expose_rpcs` (docs/database.md).
 */
export function handWrittenWrappers(text: string): string[] {
  const found: string[] = [];
  const re = /\bcreate\s+(?:or\s+replace\s+)?function\s+public\.(\w+)\s*\((?:(?!\bcreate\b)[\s\S])*?\bas\s+(\$\w*\$)\s*select\s+(?:\*\s+from\s+)?private\.(\w+)\s*\([^;]*\)\s*;?\s*\2/gi;
  for (const m of text.matchAll(re)) if (m[1].toLowerCase() === m[3].toLowerCase()) found.push(`public.${m[1].toLowerCase()}`);
  return found;
}

describe('migration layout', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort();

  it('the parser sees functions and skips bodies and comments', () => {
    const sample = [
      '-- create function private.commented()',
      "create or replace function private.a(p text default 'create function private.quoted(')",
      'returns void language plpgsql as $fn$ begin execute $$create function private.inner()$$; end $fn$;',
      'CREATE FUNCTION public.b() returns int language sql as $$ select 1 $$;',
    ].join('\n');
    expect(createdFunctions(sample)).toEqual(['private.a', 'public.b']);
  });

  it('the parser sees the wrappers expose_rpcs makes', () => {
    const sample = "select private.expose_rpcs(array['a_b', 'c'],\n  p_service => array['d']);";
    expect(exposedFunctions(sample)).toEqual(['public.a_b', 'public.c', 'public.d']);
  });

  it('every function is created in exactly one migration file', () => {
    expect(files.length).toBeGreaterThan(0);
    const where = new Map<string, string[]>();
    for (const f of files) {
      const text = readFileSync(path.join(DIR, f), 'utf8');
      // a wrapper made by expose_rpcs counts as created where it is exposed
      for (const name of [...createdFunctions(text), ...exposedFunctions(text)]) {
        where.set(name, [...(where.get(name) ?? []), f]);
      }
    }
    expect(where.size).toBeGreaterThan(100);
    const repeated = [...where]
      .filter(([name, fs]) => fs.length > 1 && !fs.slice(1).every((f) => REDEFINED_AFTER_DEPLOY[name] === f))
      .map(([name, fs]) => `${name}: ${fs.join(', ')}`);
    expect(repeated).toEqual([]);
  });

  it('public wrappers of private bodies are made by private.expose_rpcs, not written by hand', () => {
    const sample = [
      "create or replace function public.a(p_x text) returns json language sql set search_path = '' as $$ select private.a(p_x); $$;",
      "create function public.b() returns setof uuid language sql as $fn$\n  select * from private.b()\n$fn$;",
      "create function public.c() returns int language sql as $$ select private.other() $$;",
      "create function public.d() returns text language sql as $$ select 'x' $$;",
      "create function public.e() returns void language sql as $$ select private.e() $$;",
    ].join('\n');
    expect(handWrittenWrappers(sample)).toEqual(['public.a', 'public.b', 'public.e']);
    const found = files.flatMap((f) =>
      handWrittenWrappers(readFileSync(path.join(DIR, f), 'utf8')).map((fn) => `${fn} in ${f}`),
    );
    expect(found).toEqual([]);
  });

  it('migration files are named <timestamp>_<domain>[_<change>].sql', () => {
    expect(files.filter((f) => !/^\d{14}_[a-z0-9]+(_[a-z0-9]+)*\.sql$/.test(f))).toEqual([]);
  });
});
