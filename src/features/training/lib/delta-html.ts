// Quill Delta (how lessons store rich text: the weapp <editor> and Quill 2 on H5 both produce it)
// → the small, safe HTML subset that Taro's RichText renders on weapp, qywx and H5. Text is
// escaped; only known attributes become tags; embeds other than images are dropped; links render
// as text (weapp's rich-text blocks taps anyway).

export interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

export interface Delta {
  ops: DeltaOp[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Images only from our own storage or https; anything else (javascript:, data:) is dropped. */
function safeImage(src: unknown): string | null {
  return typeof src === 'string' && /^https:\/\/[^\s"'<>]+$/i.test(src) ? src : null;
}

function inline(text: string, a: Record<string, unknown> = {}): string {
  let html = escapeHtml(text);
  if (a.code) html = `<code>${html}</code>`;
  if (a.bold) html = `<strong>${html}</strong>`;
  if (a.italic) html = `<em>${html}</em>`;
  if (a.underline) html = `<u>${html}</u>`;
  if (a.strike) html = `<s>${html}</s>`;
  return html;
}

type Line = { html: string; attrs: Record<string, unknown> };

/** Splits the ops into lines: in a Delta, a line's block format sits on its closing "\n". */
function toLines(delta: Delta): Line[] {
  const lines: Line[] = [];
  let current = '';
  for (const op of delta.ops ?? []) {
    if (typeof op.insert === 'string') {
      const parts = op.insert.split('\n');
      parts.forEach((part, i) => {
        if (part) current += inline(part, op.attributes);
        if (i < parts.length - 1) {
          lines.push({ html: current, attrs: op.attributes ?? {} });
          current = '';
        }
      });
    } else if (op.insert && typeof op.insert === 'object') {
      const src = safeImage((op.insert as Record<string, unknown>).image);
      if (src) current += `<img src="${escapeHtml(src)}" style="max-width:100%" />`;
    }
  }
  if (current) lines.push({ html: current, attrs: {} });
  return lines;
}

export function deltaToHtml(delta: Delta | null | undefined): string {
  if (!delta || !Array.isArray(delta.ops)) return '';
  const out: string[] = [];
  let list: 'ol' | 'ul' | null = null;
  for (const line of toLines(delta)) {
    const header = Number(line.attrs.header);
    const kind = line.attrs.list === 'ordered' ? 'ol' : line.attrs.list === 'bullet' ? 'ul' : null;
    if (list && kind !== list) {
      out.push(`</${list}>`);
      list = null;
    }
    if (kind) {
      if (!list) {
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${line.html}</li>`);
    } else if (header >= 1 && header <= 3) {
      out.push(`<h${header + 2}>${line.html}</h${header + 2}>`);
    } else if (line.attrs.blockquote) {
      out.push(`<blockquote>${line.html}</blockquote>`);
    } else {
      out.push(`<p>${line.html || '<br/>'}</p>`);
    }
  }
  if (list) out.push(`</${list}>`);
  return out.join('');
}
