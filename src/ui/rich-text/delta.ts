// Quill Delta, the one stored rich-text format (docs/modules.md › Rich text): what Quill 2 on H5 and
// the mini-program <editor> both produce, read here into plain blocks that DeltaView renders with
// Taro components. No HTML is produced or injected anywhere: text stays text; links survive only
// as http(s)/mailto, media only as https URLs or storage references the module resolves.

export interface DeltaOp {
  insert: string | { image?: string; video?: string };
  attributes?: Record<string, unknown>;
}
export interface Delta {
  ops: DeltaOp[];
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

export type Block =
  | { type: 'paragraph' | 'blockquote' | 'code'; runs: Run[] }
  | { type: 'header'; level: 1 | 2 | 3; runs: Run[] }
  | { type: 'list-item'; ordered: boolean; indent: number; runs: Run[] }
  | { type: 'table'; rows: Run[][][] }
  | { type: 'image'; src: string; alt: string }
  | { type: 'video'; src: string };

export const EMPTY_DELTA: Delta = { ops: [] };

/** Links a reader may follow: http(s) and mailto only; anything else is shown as plain text. */
export function safeLink(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  const v = value.trim();
  if (/^https?:\/\/[^\s"'<>\\]+$/i.test(v)) return v;
  if (/^mailto:[^\s"'<>\\/:]+@[^\s"'<>\\/:]+$/i.test(v)) return v;
  return null;
}

/**
 * Media a page may show: https URLs, or a storage reference `<bucket>/<path>` (ASCII, no `..`) that
 * the module turns into a signed link (Storage checks the reader's right for each object).
 */
export function safeMedia(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  const v = value.trim();
  if (/^https:\/\/[^\s"'<>\\]+$/i.test(v)) return v;
  if (/^[a-z][a-z0-9-]{1,40}\/[A-Za-z0-9._-]{1,200}(\/[A-Za-z0-9._-]{1,200}){0,4}$/.test(v) && !v.includes('..')) return v;
  return null;
}

function runOf(text: string, attrs: Record<string, unknown> | undefined): Run {
  const run: Run = { text };
  if (!attrs) return run;
  if (attrs.bold === true) run.bold = true;
  if (attrs.italic === true) run.italic = true;
  if (attrs.underline === true) run.underline = true;
  if (attrs.strike === true) run.strike = true;
  if (attrs.code === true) run.code = true;
  const link = safeLink(attrs.link);
  if (link) run.link = link;
  return run;
}

type LineBlock = Exclude<Block, { type: 'table' | 'image' | 'video' }> | { type: 'cell'; row: string; runs: Run[] };

function lineBlock(runs: Run[], attrs: Record<string, unknown> | undefined): LineBlock {
  if (typeof attrs?.table === 'string') return { type: 'cell', row: attrs.table, runs };
  const header = attrs?.header;
  if (header === 1 || header === 2 || header === 3) return { type: 'header', level: header, runs };
  const list = attrs?.list;
  if (list === 'bullet' || list === 'ordered' || list === 'checked' || list === 'unchecked') {
    const indent = typeof attrs?.indent === 'number' ? Math.min(Math.max(0, Math.floor(attrs.indent)), 8) : 0;
    return { type: 'list-item', ordered: list === 'ordered', indent, runs };
  }
  if (attrs?.['code-block']) return { type: 'code', runs };
  if (attrs?.blockquote === true) return { type: 'blockquote', runs };
  return { type: 'paragraph', runs };
}

/** Quill 2's table module stores each cell as a line whose `table` attribute names its row. */
function groupTables(lines: Array<LineBlock | Block>): Block[] {
  const out: Block[] = [];
  let lastRow: string | null = null;
  for (const b of lines) {
    if (b.type !== 'cell') {
      out.push(b);
      lastRow = null;
      continue;
    }
    const last = out[out.length - 1];
    if (last?.type === 'table' && lastRow !== null) {
      if (lastRow === b.row) last.rows[last.rows.length - 1].push(b.runs);
      else last.rows.push([b.runs]);
    } else out.push({ type: 'table', rows: [[b.runs]] });
    lastRow = b.row;
  }
  return out;
}

/** Splits the ops into lines (Quill puts line formats on the "\n" that ends a line). */
export function deltaToBlocks(delta: unknown): Block[] {
  const ops = (delta as Delta | null)?.ops;
  if (!Array.isArray(ops)) return [];
  const blocks: Array<LineBlock | Block> = [];
  let line: Run[] = [];
  // an embed sits on its own line: the newline that ends that line adds no empty paragraph
  let afterEmbed = false;
  for (const op of ops) {
    if (!op || typeof op !== 'object') continue;
    const { insert, attributes } = op as DeltaOp;
    if (typeof insert === 'string') {
      const parts = insert.split('\n');
      parts.forEach((part, i) => {
        if (part) line.push(runOf(part, attributes));
        if (i < parts.length - 1) {
          if (!(afterEmbed && !line.length)) blocks.push(lineBlock(line, attributes));
          line = [];
        }
        if (part || i < parts.length - 1) afterEmbed = false;
      });
    } else if (insert && typeof insert === 'object') {
      const image = safeMedia(insert.image);
      const video = safeMedia(insert.video);
      if (line.length) {
        blocks.push({ type: 'paragraph', runs: line });
        line = [];
      }
      if (image) blocks.push({ type: 'image', src: image, alt: typeof attributes?.alt === 'string' ? attributes.alt : '' });
      else if (video) blocks.push({ type: 'video', src: video });
      afterEmbed = !!(image || video);
    }
  }
  if (line.length) blocks.push({ type: 'paragraph', runs: line });
  const grouped = groupTables(blocks);
  // consecutive empty paragraphs collapse to one
  const empty = (b: Block | undefined) => b?.type === 'paragraph' && b.runs.length === 0;
  return grouped.filter((b, i) => !(empty(b) && empty(grouped[i - 1])));
}

/** The plain text of a Delta, as the server keeps it (private.kb_delta_text: embeds count as a space). */
export function deltaText(delta: unknown): string {
  const ops = (delta as Delta | null)?.ops;
  if (!Array.isArray(ops)) return '';
  return ops.map((op) => (op && typeof op === 'object' ? (typeof op.insert === 'string' ? op.insert : ' ') : '')).join('');
}

/** The storage references (not https URLs) of a Delta's images and videos, for signing. */
export function mediaRefs(delta: unknown): string[] {
  return deltaToBlocks(delta).flatMap((b) => ((b.type === 'image' || b.type === 'video') && !b.src.startsWith('https://') ? [b.src] : []));
}

/** Plain text (one paragraph per line) as a Delta. */
export function textToDelta(text: string): Delta {
  const body = text.replace(/\r\n?/g, '\n');
  return { ops: [{ insert: body.endsWith('\n') ? body : `${body}\n` }] };
}
