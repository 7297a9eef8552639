// A tiny Markdown reader for agreement texts: headings, paragraphs, list items, table rows and
// **bold** spans — exactly what the agreement bodies use. No dependency, no HTML: the result is
// rendered with Taro components, so nothing in a text can inject markup.

export interface Inline {
  text: string;
  strong: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'item'; inlines: Inline[] }
  | { kind: 'row'; header: boolean; cells: Inline[][] };

/** Splits a line on `**` pairs; an unpaired `**` stays literal text. */
export function parseInline(line: string): Inline[] {
  const parts = line.split('**');
  // An even number of parts means an odd number of markers: the last one has no partner.
  const unpaired = parts.length % 2 === 0;
  const out: Inline[] = [];
  parts.forEach((text, index) => {
    const isLastUnpaired = unpaired && index === parts.length - 1;
    const strong = index % 2 === 1 && !isLastUnpaired;
    const value = isLastUnpaired && index > 0 ? `**${text}` : text;
    if (!value) return;
    const previous = out[out.length - 1];
    if (previous && previous.strong === strong) previous.text += value;
    else out.push({ text: value, strong });
  });
  return out;
}

const isTableSeparator = (line: string) => /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line);

function tableCells(line: string): Inline[][] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => parseInline(cell.trim()));
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join('')) });
    paragraph = [];
  };
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      const level = Math.min(heading[1].length, 3) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, inlines: parseInline(heading[2]) });
    } else if (/^[-*+]\s+/.test(line) || /^\d+[.)]\s+/.test(line)) {
      flush();
      blocks.push({ kind: 'item', inlines: parseInline(line.replace(/^([-*+]|\d+[.)])\s+/, '')) });
    } else if (line.startsWith('|')) {
      flush();
      if (isTableSeparator(line)) return;
      // The first row of a table is its header when a separator line follows it.
      const header = isTableSeparator((lines[index + 1] ?? '').trim());
      blocks.push({ kind: 'row', header, cells: tableCells(line) });
    } else {
      paragraph.push(line);
    }
  });
  flush();
  return blocks;
}
