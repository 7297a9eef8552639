// Just enough TOML for supabase/config.toml (tables, strings, numbers, booleans, one-line arrays),
// shared by the gateway (verify_jwt), the auth stand-in and the storage stand-in.
// No TOML package is installed and the auth settings we read are all of these simple shapes.
export type TomlValue = string | number | boolean | TomlValue[];
export type TomlTable = Record<string, TomlValue>;

/** Returns a map from dotted table name ('' for the root, 'auth.sms', …) to its keys. */
export function parseToml(text: string): Record<string, TomlTable> {
  const tables: Record<string, TomlTable> = { '': {} };
  let current = tables[''];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine).trim();
    if (!line) continue;
    const header = /^\[([^[\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1].trim().replace(/"/g, '');
      current = tables[name] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim().replace(/^"(.*)"$/, '$1');
    current[key] = parseValue(line.slice(eq + 1).trim());
  }
  return tables;
}

/**
 * Calls `visit` with each character of `s` outside quoted strings ("…" with backslash escapes, '…'
 * literal) and its index; stops at the first `visit` that returns true.
 */
function eachUnquoted(s: string, visit: (c: string, i: number) => boolean): void {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (visit(c, i)) return;
  }
}

function stripComment(line: string): string {
  let end = line.length;
  eachUnquoted(line, (c, i) => c === '#' && ((end = i), true));
  return line.slice(0, end);
}

function parseValue(v: string): TomlValue {
  if (v.startsWith('"')) return JSON.parse(v) as string;
  if (v.startsWith("'")) return v.slice(1, v.lastIndexOf("'"));
  if (v === 'true' || v === 'false') return v === 'true';
  if (v.startsWith('[')) {
    const inner = v.slice(1, v.lastIndexOf(']')).trim();
    if (!inner) return [];
    return splitTopLevel(inner).map((s) => parseValue(s.trim()));
  }
  const n = Number(v.replace(/_/g, ''));
  return Number.isFinite(n) ? n : v;
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  eachUnquoted(s, (c, i) => {
    if (c === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  if (s.slice(start).trim()) out.push(s.slice(start));
  return out;
}
