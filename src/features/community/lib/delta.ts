// Quill Delta, the stored rich-text format (docs/api.md › Community): what the weapp <editor> and
// Quill 2 on H5 produce. The app renders it itself (paragraphs of styled runs, images), never as
// HTML, so nothing a member typed can become markup.

export interface DeltaOp {
  insert: string | { image?: string; [key: string]: unknown };
  attributes?: Record<string, unknown>;
}
export interface Delta {
  ops: DeltaOp[];
}

/** A compose box's plain text as a Delta (one insert, ending with the newline Quill always keeps). */
export function plainToDelta(text: string): Delta {
  const body = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return { ops: [{ insert: `${body}\n` }] };
}

/** The plain text of a Delta: its string inserts in order (the server derives body_text the same way). */
export function deltaToPlain(delta: Delta): string {
  return delta.ops.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}
export type Block = { kind: 'paragraph'; runs: Run[] } | { kind: 'image'; src: string };

const safeLink = (v: unknown): string | undefined => (typeof v === 'string' && /^https:\/\//i.test(v) ? v : undefined);

/** Paragraphs of styled runs and images, in order; unknown embeds and attributes are dropped. */
export function deltaToBlocks(delta: Delta): Block[] {
  const blocks: Block[] = [];
  let runs: Run[] = [];
  const flush = () => {
    blocks.push({ kind: 'paragraph', runs });
    runs = [];
  };
  for (const op of delta.ops ?? []) {
    if (typeof op.insert !== 'string') {
      const src = op.insert?.image;
      if (typeof src === 'string' && src) {
        if (runs.length) flush();
        blocks.push({ kind: 'image', src });
      }
      continue;
    }
    const a = op.attributes ?? {};
    const lines = op.insert.split('\n');
    lines.forEach((line, i) => {
      if (line) runs.push({ text: line, ...(a.bold ? { bold: true } : {}), ...(a.italic ? { italic: true } : {}), ...(safeLink(a.link) ? { link: safeLink(a.link) } : {}) });
      if (i < lines.length - 1) flush();
    });
  }
  if (runs.length) flush();
  // Quill's trailing newline leaves no empty last paragraph; inner empty lines stay as spacing.
  while (blocks.length && blocks[blocks.length - 1].kind === 'paragraph' && (blocks[blocks.length - 1] as { runs: Run[] }).runs.length === 0) blocks.pop();
  return blocks;
}

/** The first `max` characters of the plain text, on one line (feed excerpts). */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
