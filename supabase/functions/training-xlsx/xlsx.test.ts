import { deepStrictEqual as assertEquals, ok as assert } from 'node:assert/strict';
import { firstSheetRows, XlsxError } from './xlsx.ts';

// A minimal XLSX writer for the tests: parts deflated with the platform's CompressionStream and
// stored in a ZIP (the reader ignores CRCs, so they are left 0).
async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function zip(parts: Record<string, string>, store: string[] = []): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = enc.encode(text);
    const stored = store.includes(name);
    const data = stored ? raw : await deflate(text);
    const n = enc.encode(name);
    const local = new Uint8Array(30 + n.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, stored ? 0 : 8, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    local.set(data, 30 + n.length);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, stored ? 0 : 8, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

const WORKBOOK = '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题目" sheetId="1" r:id="rId7"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/questions.xml"/></Relationships>';

Deno.test('reads shared, inline, number and boolean cells of the first sheet, each row at its own number', async () => {
  const file = await zip({
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': RELS,
    'xl/sharedStrings.xml': '<sst><si><t>题型</t></si><si><t>题干</t></si><si><r><t>收到</t></r><r><t xml:space="preserve">可疑邮件 &amp; 附件？</t></r></si><si><t>单选</t></si></sst>',
    'xl/worksheets/questions.xml': '<worksheet><sheetData>'
      + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
      + '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>2</v></c><c r="D2"><v>2</v></c></row>'
      + '<row r="4"><c r="A4" t="inlineStr"><is><t>判断</t></is></c><c r="C4" t="b"><v>1</v></c><c r="E4" s="3"/></row>'
      + '</sheetData></worksheet>',
  }, ['xl/workbook.xml']);
  assertEquals(await firstSheetRows(file), [['题型', '题干'], ['单选', '收到可疑邮件 & 附件？', '', '2'], [], ['判断', '', 'TRUE', '', '']]);
});

Deno.test('a file that is not an XLSX is refused with XlsxError, not a crash', async () => {
  for (const bytes of [new TextEncoder().encode('题型,题干\n单选,x'), new Uint8Array(0), await zip({ 'a.txt': 'x' })]) {
    let error: unknown;
    try {
      await firstSheetRows(bytes);
    } catch (e) {
      error = e;
    }
    assert(error instanceof XlsxError, String(error));
  }
});

Deno.test('more than 2000 rows is refused', async () => {
  const file = await zip({ 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': RELS, 'xl/worksheets/questions.xml': '<worksheet><sheetData><row r="2001"><c r="A2001"><v>1</v></c></row></sheetData></worksheet>' });
  let error: unknown;
  try {
    await firstSheetRows(file);
  } catch (e) {
    error = e;
  }
  assert(error instanceof XlsxError && error.message === 'too many rows');
});
