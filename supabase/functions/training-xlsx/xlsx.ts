// Reads the first sheet of an XLSX file (issue 16, question import) with nothing but the platform:
// an XLSX file is a ZIP of XML parts; entries are stored or deflated, and Deno's
// DecompressionStream('deflate-raw') inflates them. Only what a question sheet needs: shared and
// inline strings, numbers and booleans as text, each row at its own row number (so an error can
// name the row people see). Formulas give their cached value; styles and dates are not interpreted.

export class XlsxError extends Error {}

const MAX_ROWS = 2000;
const MAX_COLS = 50;
const MAX_PART_BYTES = 20 * 1024 * 1024;

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function entries(zip: Uint8Array): Map<string, Entry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('not a zip');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out = new Map<string, Entry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== 0x02014b50) throw new XlsxError('bad central directory');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
    out.set(name, {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

async function readPart(zip: Uint8Array, all: Map<string, Entry>, name: string): Promise<string | null> {
  const e = all.get(name);
  if (!e) return null;
  if (e.size > MAX_PART_BYTES) throw new XlsxError('part too large');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (e.localOffset + 30 > zip.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw new XlsxError('bad local header');
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const data = new Uint8Array(zip.subarray(start, start + e.compressedSize));
  if (e.method === 0) return new TextDecoder().decode(data);
  if (e.method !== 8) throw new XlsxError('unsupported compression');
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return await new Response(stream).text();
}

const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));

/** The text runs of an <si> or <is>: every <t>, in order (phonetic <rPh> runs left out). */
const runs = (xml: string) =>
  unescapeXml([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));

const columnIndex = (ref: string) => {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
};

/** The first sheet's cells as text; `rows[i]` is sheet row i + 1 (empty rows are empty arrays). */
export async function firstSheetRows(file: Uint8Array): Promise<string[][]> {
  const all = entries(file);
  const workbook = await readPart(file, all, 'xl/workbook.xml');
  if (!workbook) throw new XlsxError('no workbook');
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = (await readPart(file, all, 'xl/_rels/workbook.xml.rels')) ?? '';
  const relTag = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => rid && t.includes(`Id="${rid}"`));
  const target = relTag ? /Target="([^"]+)"/.exec(relTag)?.[1] : undefined;
  const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  const sheet = await readPart(file, all, sheetPath);
  if (!sheet) throw new XlsxError('no sheet');
  const shared = [...((await readPart(file, all, 'xl/sharedStrings.xml')) ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runs(m[1]));

  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(/\br="(\d+)"/.exec(row[1])?.[1] ?? rows.length + 1);
    if (r > MAX_ROWS) throw new XlsxError('too many rows');
    const cells: string[] = [];
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const col = columnIndex(/\br="([A-Z]+)\d*"/.exec(attrs)?.[1] ?? '');
      if (col < 0 || col >= MAX_COLS) continue;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = runs(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else text = unescapeXml(v ?? '');
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = cells;
  }
  return rows;
}
