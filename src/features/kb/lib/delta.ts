// Quill Delta (the stored page format, docs/api.md › Knowledge base) → plain blocks a page renders
// with Taro components. No HTML is produced or injected anywhere: text stays text, and only links
// and media with safe URLs survive (https, or an object of the `kb` bucket resolved by the caller).

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
  | { type: 'image'; src: string; alt: string }
  | { type: 'video'; src: string };

/** https URLs and bucket-relative paths (`kb/<enterprise>/<node>/<file>`) only; anything else is dropped. */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  const v = value.trim();
  if (/^https:\/\/[^\s"'<>]+$/i.test(v)) return v;
  if (/^kb\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[^/\s]{1,200}$/.test(v)) return v;
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
  const link = safeUrl(attrs.link);
  if (link) run.link = link;
  return run;
}

function lineBlock(runs: Run[], attrs: Record<string, unknown> | undefined): Block {
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

/** Splits the ops into lines (Quill puts line formats on the "\n" that ends a line). */
export function deltaToBlocks(delta: unknown): Block[] {
  const ops = (delta as Delta | null)?.ops;
  if (!Array.isArray(ops)) return [];
  const blocks: Block[] = [];
  let line: Run[] = [];
  for (const op of ops) {
    if (!op || typeof op !== 'object') continue;
    const { insert, attributes } = op as DeltaOp;
    if (typeof insert === 'string') {
      const parts = insert.split('\n');
      parts.forEach((part, i) => {
        if (part) line.push(runOf(part, attributes));
        if (i < parts.length - 1) {
          blocks.push(lineBlock(line, attributes));
          line = [];
        }
      });
    } else if (insert && typeof insert === 'object') {
      const image = safeUrl(insert.image);
      const video = safeUrl(insert.video);
      if (line.length) {
        blocks.push({ type: 'paragraph', runs: line });
        line = [];
      }
      if (image) blocks.push({ type: 'image', src: image, alt: typeof attributes?.alt === 'string' ? attributes.alt : '' });
      else if (video) blocks.push({ type: 'video', src: video });
    }
  }
  if (line.length) blocks.push({ type: 'paragraph', runs: line });
  // consecutive empty paragraphs collapse to one
  return blocks.filter((b, i) => !(b.type === 'paragraph' && b.runs.length === 0 && blocks[i - 1]?.type === 'paragraph' && (blocks[i - 1] as { runs: Run[] }).runs.length === 0));
}

// -------------------------------------------------------------------------------------------------
// The simple editor (textarea, until Quill / <editor> are wired): a line-based markup that keeps
// headings and lists; inline formatting and embeds of an existing page are kept only as text.
// -------------------------------------------------------------------------------------------------
export function deltaToMarkup(delta: unknown): string {
  return deltaToBlocks(delta)
    .map((b) => {
      if (b.type === 'image') return `![图片](${b.src})`;
      if (b.type === 'video') return `![视频](${b.src})`;
      const text = b.runs.map((r) => r.text).join('');
      if (b.type === 'header') return `${'#'.repeat(b.level)} ${text}`;
      if (b.type === 'list-item') return `${'  '.repeat(b.indent)}${b.ordered ? '1.' : '-'} ${text}`;
      if (b.type === 'blockquote') return `> ${text}`;
      return text;
    })
    .join('\n');
}

export function markupToDelta(markup: string): Delta {
  const ops: DeltaOp[] = [];
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const media = /^!\[(图片|视频)\]\((.+)\)$/.exec(raw.trim());
    const url = media && safeUrl(media[2]);
    if (media && url) {
      ops.push({ insert: media[1] === '图片' ? { image: url } : { video: url } }, { insert: '\n' });
      continue;
    }
    const header = /^(#{1,3}) (.*)$/.exec(raw);
    const list = /^( *)(-|\d+\.) (.*)$/.exec(raw);
    const quote = /^> (.*)$/.exec(raw);
    let text = raw;
    let attributes: Record<string, unknown> | undefined;
    if (header) {
      text = header[2];
      attributes = { header: header[1].length };
    } else if (list) {
      text = list[3];
      attributes = { list: list[2] === '-' ? 'bullet' : 'ordered', ...(list[1].length >= 2 ? { indent: Math.floor(list[1].length / 2) } : {}) };
    } else if (quote) {
      text = quote[1];
      attributes = { blockquote: true };
    }
    if (text) ops.push({ insert: text });
    ops.push(attributes ? { insert: '\n', attributes } : { insert: '\n' });
  }
  // merge adjacent plain inserts (what Quill itself would store)
  const merged: DeltaOp[] = [];
  for (const op of ops) {
    const last = merged[merged.length - 1];
    if (last && typeof last.insert === 'string' && typeof op.insert === 'string' && !last.attributes && !op.attributes) last.insert += op.insert;
    else merged.push({ ...op });
  }
  return { ops: merged };
}
