// Markdown ⇄ Delta for import and export. markdown-it parses with `html: false` (raw HTML stays
// text); the tokens become Delta ops with the line formats the editors know. Links keep only
// http(s)/mailto targets; images from the web become links (pages show only uploaded images), with
// a count the caller reports; storage references pass when the module's `keepMedia` accepts them.
import MarkdownIt from 'markdown-it';
import { deltaToBlocks, safeLink, safeMedia, type Block, type Delta, type DeltaOp, type Run } from './delta';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface MarkdownImport {
  delta: Delta;
  /** Images from the web turned into links. */
  linkedImages: number;
}

let parser: MarkdownIt | null = null;
const md = () => (parser ??= new MarkdownIt('default', { html: false, linkify: false, typographer: false }));

type Attrs = Record<string, unknown>;

function inlineOps(children: Token[], keepMedia: (src: string) => boolean, counts: { linkedImages: number }, lineEnd: () => DeltaOp): DeltaOp[] {
  const ops: DeltaOp[] = [];
  const marks: Attrs = {};
  const links: Array<string | null> = [];
  const text = (t: string, extra?: Attrs) => {
    if (!t) return;
    const attributes = { ...marks, ...extra };
    const link = links[links.length - 1];
    if (link) attributes.link = link;
    ops.push(Object.keys(attributes).length ? { insert: t, attributes } : { insert: t });
  };
  for (const tok of children) {
    switch (tok.type) {
      case 'text': text(tok.content); break;
      case 'code_inline': text(tok.content, { code: true }); break;
      case 'strong_open': marks.bold = true; break;
      case 'strong_close': delete marks.bold; break;
      case 'em_open': marks.italic = true; break;
      case 'em_close': delete marks.italic; break;
      case 's_open': marks.strike = true; break;
      case 's_close': delete marks.strike; break;
      case 'link_open': links.push(safeLink(tok.attrGet('href'))); break;
      case 'link_close': links.pop(); break;
      case 'softbreak':
      case 'hardbreak': ops.push(lineEnd()); break;
      case 'image': {
        const src = tok.attrGet('src') ?? '';
        const alt = tok.content || tok.children?.map((c) => c.content).join('') || '';
        const media = safeMedia(src);
        if (media && !media.startsWith('https://') && keepMedia(media)) {
          ops.push({ insert: { image: media } });
        } else if (safeLink(src)) {
          counts.linkedImages += 1;
          ops.push({ insert: alt || src, attributes: { ...marks, link: safeLink(src) } });
        } else if (alt) text(alt);
        break;
      }
      default:
        if (tok.content) text(tok.content);
    }
  }
  return ops;
}

/** Markdown text → Delta (and how many web images became links). */
export function markdownToDelta(source: string, keepMedia: (src: string) => boolean = () => false): MarkdownImport {
  const tokens = md().parse(source.replace(/\r\n?/g, '\n'), {});
  const ops: DeltaOp[] = [];
  const counts = { linkedImages: 0 };
  const lists: Array<'bullet' | 'ordered'> = [];
  let quote = 0;
  let header = 0;
  let rowIndex = 0;
  let inRow = false;
  const lineAttrs = (): Attrs | undefined => {
    if (inRow) return { table: `row-${rowIndex}` };
    if (header) return { header: Math.min(header, 3) };
    if (lists.length) return lists.length > 1 ? { list: lists[lists.length - 1], indent: lists.length - 1 } : { list: lists[0] };
    if (quote) return { blockquote: true };
    return undefined;
  };
  const lineEnd = (): DeltaOp => {
    const attributes = lineAttrs();
    return attributes ? { insert: '\n', attributes } : { insert: '\n' };
  };
  for (const tok of tokens) {
    switch (tok.type) {
      case 'heading_open': header = Number(tok.tag.slice(1)); break;
      case 'heading_close': header = 0; break;
      case 'bullet_list_open': lists.push('bullet'); break;
      case 'ordered_list_open': lists.push('ordered'); break;
      case 'bullet_list_close':
      case 'ordered_list_close': lists.pop(); break;
      case 'blockquote_open': quote += 1; break;
      case 'blockquote_close': quote -= 1; break;
      case 'tr_open': inRow = true; rowIndex += 1; break;
      case 'tr_close': inRow = false; break;
      case 'inline': {
        const inner = inlineOps(tok.children ?? [], keepMedia, counts, lineEnd);
        // a cell line must end even when the cell is empty; other empty lines are skipped
        if (!inner.length && !inRow) break;
        ops.push(...inner, lineEnd());
        break;
      }
      case 'fence':
      case 'code_block':
        for (const line of tok.content.replace(/\n$/, '').split('\n')) {
          if (line) ops.push({ insert: line });
          ops.push({ insert: '\n', attributes: { 'code-block': true } });
        }
        break;
      default:
        break;
    }
  }
  return { delta: { ops: mergeOps(ops) }, linkedImages: counts.linkedImages };
}

const sameAttrs = (a?: Attrs, b?: Attrs) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Adjacent text inserts with the same attributes become one (what Quill itself stores). */
function mergeOps(ops: DeltaOp[]): DeltaOp[] {
  const out: DeltaOp[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (last && typeof last.insert === 'string' && typeof op.insert === 'string' && sameAttrs(last.attributes, op.attributes)) {
      last.insert += op.insert;
    } else out.push(op.attributes ? { insert: op.insert, attributes: { ...op.attributes } } : { insert: op.insert });
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Delta → Markdown
// -------------------------------------------------------------------------------------------------
const escapeText = (t: string) => t.replace(/([\\`*_[\]<>~|])/g, '\\$1');
const escapeLineStart = (t: string) => t.replace(/^(\s*)([#>+-]|\d+\.)(?=\s|$)/, '$1\\$2');

function runMarkdown(run: Run): string {
  if (run.code) {
    const fence = run.text.includes('`') ? '``' : '`';
    return `${fence}${run.text}${fence}`;
  }
  const lead = /^\s*/.exec(run.text)![0];
  const trail = /\s*$/.exec(run.text.slice(lead.length))![0];
  const core = run.text.slice(lead.length, run.text.length - trail.length);
  if (!core) return run.text;
  let out = escapeText(core);
  if (run.strike) out = `~~${out}~~`;
  if (run.italic) out = `*${out}*`;
  if (run.bold) out = `**${out}**`;
  if (run.link) out = `[${out}](${run.link.replace(/[()\s]/g, encodeURIComponent)})`;
  return `${lead}${out}${trail}`;
}

const runsMarkdown = (runs: Run[]) => escapeLineStart(runs.map(runMarkdown).join(''));

function blockMarkdown(b: Block): string {
  switch (b.type) {
    case 'header': return `${'#'.repeat(b.level)} ${runsMarkdown(b.runs)}`;
    case 'list-item': return `${'   '.repeat(b.indent)}${b.ordered ? '1.' : '-'} ${runsMarkdown(b.runs)}`;
    case 'blockquote': return `> ${runsMarkdown(b.runs)}`;
    case 'code': return b.runs.map((r) => r.text).join('');
    case 'image': return `![${escapeText(b.alt || '图片')}](${b.src})`;
    case 'video': return `[视频](${b.src})`;
    case 'table': {
      const width = Math.max(...b.rows.map((r) => r.length));
      const row = (cells: Run[][]) => `| ${Array.from({ length: width }, (_, i) => runsMarkdown(cells[i] ?? []).replace(/\|/g, '\\|')).join(' | ')} |`;
      return [row(b.rows[0]), `|${' --- |'.repeat(width)}`, ...b.rows.slice(1).map(row)].join('\n');
    }
    default: return runsMarkdown(b.runs);
  }
}

/** Delta → Markdown (underline has no Markdown form and is dropped; images keep their reference). */
export function deltaToMarkdown(delta: unknown): string {
  const blocks = deltaToBlocks(delta);
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    const sameGroup = prev && prev.type === b.type && (b.type !== 'list-item' || (prev.type === 'list-item' && prev.ordered === b.ordered));
    if (b.type === 'code') {
      if (!(prev?.type === 'code')) out.push(`${out.length ? '\n' : ''}\`\`\``);
      out.push(blockMarkdown(b));
      if (blocks[i + 1]?.type !== 'code') out.push('```');
      return;
    }
    if (b.type === 'paragraph' && !b.runs.length) return;
    const md = blockMarkdown(b);
    out.push(out.length && !sameGroup ? `\n${md}` : md);
  });
  return out.length ? `${out.join('\n')}\n` : '';
}
