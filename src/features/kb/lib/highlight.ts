// Search results carry highlight ranges ([start, length], 0-based characters) instead of markup:
// the page renders the segments as text spans, so nothing from the server is ever parsed as HTML.

export interface Segment {
  text: string;
  hit: boolean;
}

export function splitHighlights(text: string, ranges: unknown): Segment[] {
  const chars = Array.from(text ?? '');
  const marks = new Array<boolean>(chars.length).fill(false);
  if (Array.isArray(ranges)) {
    for (const r of ranges) {
      if (!Array.isArray(r) || typeof r[0] !== 'number' || typeof r[1] !== 'number') continue;
      const start = Math.max(0, Math.floor(r[0]));
      const end = Math.min(chars.length, start + Math.max(0, Math.floor(r[1])));
      for (let i = start; i < end; i++) marks[i] = true;
    }
  }
  const out: Segment[] = [];
  chars.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === marks[i]) last.text += c;
    else out.push({ text: c, hit: marks[i] });
  });
  return out;
}
