// Line diff of two versions' plain text (the copy the server keeps of each Delta): the longest
// common subsequence of lines, reported as kept, removed (only in the older) and added lines.

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Above this many line pairs the table would be too large for a phone: compare paragraphs in bulk. */
const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const b = after.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (before === '' && after === '') return [];
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))];
  }
  // lcs[i][j]: common lines of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ kind: 'removed', text: a[i] });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j] });
      j += 1;
    }
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) out.push({ kind: 'added', text: b[j++] });
  return before === '' ? out.filter((l) => !(l.kind === 'removed' && l.text === '')) : after === '' ? out.filter((l) => !(l.kind === 'added' && l.text === '')) : out;
}
