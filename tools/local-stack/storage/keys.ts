// Object keys and bucket names, validated as Supabase Storage validates them (S3-safe characters
// only), plus the stricter rules a file-system backend needs so that no key can leave its bucket
// folder: no `.`/`..` segments, no empty segments, no leading slash, no NUL (the character class
// already excludes NUL and backslashes).
import { ERRORS } from './errors';

const KEY_CHARS = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;
const BUCKET_CHARS = /^(\w|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

/** Keys longer than this would exceed common file-system path limits; Storage caps names similarly. */
const MAX_KEY_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !KEY_CHARS.test(key)) return false;
  return key.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && seg.length <= MAX_SEGMENT_LENGTH);
}

export function mustBeValidKey(key: string | undefined): string {
  if (!key || !isValidKey(key)) throw ERRORS.invalidKey(key ?? '');
  return key;
}

export function isValidBucketName(name: string): boolean {
  return name.length > 0 && name.length < 64 && name !== '.' && name !== '..' && BUCKET_CHARS.test(name);
}

export function mustBeValidBucketName(name: string | undefined): string {
  if (!name || !isValidBucketName(name)) throw ERRORS.invalidBucketName();
  return name;
}

/**
 * Splits `<bucket>/<key…>` (what follows `/object/` in a URL, already percent-decoded).
 * Storage treats the first segment as the bucket and the rest, verbatim, as the key.
 */
export function splitBucketKey(rest: string): { bucket: string; key: string } {
  const i = rest.indexOf('/');
  if (i <= 0) throw ERRORS.invalidKey(rest);
  return { bucket: mustBeValidBucketName(rest.slice(0, i)), key: mustBeValidKey(rest.slice(i + 1)) };
}

/** Parses file_size_limit as Storage accepts it: a byte count or a string like "20MB". */
export function parseFileSizeLimit(v: unknown): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) throw ERRORS.invalidFileSizeLimit();
    return v;
  }
  if (typeof v !== 'string') throw ERRORS.invalidFileSizeLimit();
  const m = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(v);
  if (!m) throw ERRORS.invalidFileSizeLimit();
  const value = +parseFloat(m[1]).toPrecision(3);
  const unit = { GB: 1e9, MB: 1e6, KB: 1e3, B: 1 }[m[2].toUpperCase() as 'GB' | 'MB' | 'KB' | 'B'];
  return Math.round(value * unit);
}

/** Storage's mime check: exact `type/subtype` or a `type/*` wildcard; parameters are ignored. */
export function mimeAllowed(mime: string, allowed: string[] | null): boolean {
  if (!allowed || allowed.length === 0) return true;
  const [type, sub] = mime.split(';')[0].trim().toLowerCase().split('/');
  if (!type || !sub) return false;
  return allowed.some((a) => {
    const [at, as] = a.trim().toLowerCase().split('/');
    return at === type && (as === '*' || as === sub);
  });
}
