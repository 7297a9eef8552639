// Storage settings from supabase/config.toml — the file the Supabase CLI uses — so the local
// upload limit is the one `[storage] file_size_limit` configures for a project.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { parseToml } from '../toml';

/** Storage's own default (FILE_SIZE_LIMIT) when config.toml says nothing. */
export const DEFAULT_FILE_SIZE_LIMIT = 50 * 1024 * 1024;

export interface StorageSettings {
  /** global upload limit in bytes; a bucket's file_size_limit can only lower it */
  fileSizeLimit: number;
}

/** The CLI's size strings ("50MiB", "5MB", "500KB"): binary units either way, as go-units reads them. */
export function parseConfigSize(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(v);
  if (!m) return undefined;
  const power = ['', 'k', 'm', 'g', 't'].indexOf(m[2].toLowerCase());
  return Math.round(Number(m[1]) * 1024 ** power);
}

export function loadStorageSettings(file = path.join(REPO_ROOT, 'supabase', 'config.toml')): StorageSettings {
  let fileSizeLimit = DEFAULT_FILE_SIZE_LIMIT;
  try {
    const tables = parseToml(fs.readFileSync(file, 'utf8'));
    fileSizeLimit = parseConfigSize(tables.storage?.file_size_limit) ?? DEFAULT_FILE_SIZE_LIMIT;
  } catch {
    // no config.toml: Storage's defaults
  }
  return { fileSizeLimit };
}
