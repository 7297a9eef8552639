// The publishing check's word matching (PRODUCT.md §5, LX 4.4). Text and words are normalised the
// same way before matching, so `賭 博`, `ｄａｉｋａｉ` or `赌-博` meet the list entry `赌博`:
//   NFKC (full-width → half-width and compatibility forms) → lower case → traditional → simplified
//   (opencc-js, Hong Kong/Taiwan variants → mainland) → spaces, punctuation, symbols and invisible
//   characters removed.
// Matching is Aho–Corasick from fastscan (a kept library, not our own automaton). mint-filter was
// the first choice; on a 5,000-character post against 10,000 words it took ~9× longer (its trie
// keys every node's children by one-character strings in plain objects), see bench/README.md.
import * as OpenCC from 'npm:opencc-js@1.0.5';
import FastScanner from 'npm:fastscan@1.0.6';

// opencc-js builds its dictionaries once per converter: keep one per isolate.
const toSimplified: (s: string) => string = OpenCC.Converter({ from: 'hk', to: 'cn' });
const STRIP = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]+/gu;

export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(STRIP, '');
}

/** A matcher over one or more word lists; words are normalised like the text (empty ones dropped). */
export class WordMatcher {
  readonly size: number;
  private readonly scanner: InstanceType<typeof FastScanner> | null;

  constructor(words: Iterable<string>) {
    const set = new Set<string>();
    for (const w of words) {
      const n = normalizeText(String(w));
      if (n) set.add(n);
    }
    this.size = set.size;
    this.scanner = set.size > 0 ? new FastScanner([...set]) : null;
  }

  /** The list entries found in the text (normalised forms), deduplicated; [] when clean. */
  find(text: string): string[] {
    if (!this.scanner) return [];
    const normalized = normalizeText(text);
    if (!normalized) return [];
    // fastscan reads `content[i]` and looks each one up as an object key; a fresh one-character
    // string must be hashed and found in V8's string table at every step, which made the scan ~20×
    // slower than the lookups themselves (24 ms vs ~1 ms on 5,000 characters, bench/README.md). It
    // reads any indexable `content`, so it gets the same UTF-16 units as canonical strings instead.
    const units = toUnits(normalized) as unknown as string;
    return [...new Set(this.scanner.search(units).map((hit) => String(hit[1])))];
  }
}

// One canonical string per UTF-16 unit, reused across calls (at most 65,536 entries).
const UNITS = new Map<number, string>();

function toUnits(text: string): string[] {
  const out = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let unit = UNITS.get(code);
    if (unit === undefined) {
      unit = text[i];
      UNITS.set(code, unit);
    }
    out[i] = unit;
  }
  return out;
}

/** Plain text of a Quill Delta: the string inserts in order (the SQL side does the same). */
export function deltaText(body: { ops: Array<{ insert?: unknown }> }): string {
  return body.ops.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The human text a content type adds (poll options, an event's place), as private.community_extra_text reads it. */
export function extraText(type: string, extra: Record<string, unknown>): string {
  if (type === 'poll' && Array.isArray(extra.options)) return extra.options.filter((o) => typeof o === 'string').join('\n');
  if (type === 'event' && typeof extra.place === 'string') return extra.place;
  return '';
}
