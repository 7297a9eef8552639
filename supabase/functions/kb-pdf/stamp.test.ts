import { deepStrictEqual as assertEquals, ok as assert } from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'npm:pdf-lib@1.17.1';
import { shanghaiTime, stampPdf, ucs2Hex } from './stamp.ts';

// The seed's PDF (the 员工手册 file node of the demo knowledge base), made by the same code the local
// stack seeds Storage with (tools/local-stack/demo-files.ts). It is Node code: give it Buffer.
async function seedPdf(): Promise<Uint8Array> {
  (globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
  const { demoHandbookPdf } = await import('../../../tools/local-stack/demo-files.ts');
  return new Uint8Array(demoHandbookPdf());
}

/** The decoded text of every content stream of a page. */
function pageContent(doc: PDFDocument, index: number): string {
  const page = doc.getPages()[index];
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.map((r) => {
    const stream = doc.context.lookup(r as PDFRef);
    if (!(stream instanceof PDFRawStream)) return '';
    return new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
  }).join('\n');
}

Deno.test('stamps every page of the seed PDF with the viewer mark in a Chinese font, keeping the page content', async () => {
  const original = await seedPdf();
  const mark = '张三 5678 2026-12-07 12:08';
  const stamped = await stampPdf(original, mark);
  const doc = await PDFDocument.load(stamped);
  const before = await PDFDocument.load(original);
  assertEquals(doc.getPageCount(), before.getPageCount());
  for (let i = 0; i < doc.getPageCount(); i++) {
    const content = pageContent(doc, i);
    assert(content.includes('Employee Handbook'), 'the original text is still there');
    assert(content.includes(`<${ucs2Hex(mark)}>`), 'the mark is shown');
    assert(content.includes('/ZxMark'), 'in the mark font');
    const fonts = doc.getPages()[i].node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    // pdf-lib names it ZxMark-<suffix> on each page
    const key = fonts?.keys().find((k) => k.asString().startsWith('/ZxMark'));
    assert(key, 'the page has the mark font');
    const font = fonts?.lookup(key, PDFDict);
    assertEquals(font?.get(PDFName.of('Encoding'))?.toString(), '/UniGB-UCS2-H');
    assertEquals(font?.get(PDFName.of('BaseFont'))?.toString(), '/STSong-Light-UniGB-UCS2-H');
  }
  // the title in the document info survives (the Chinese name readers show)
  assertEquals(doc.getTitle(), '员工手册');
});

Deno.test('writes the mark as UCS-2 code units and the time in Shanghai', () => {
  assertEquals(ucs2Hex('张A1'), '5F2000410031');
  assertEquals(ucs2Hex('😀'), '003F');
  assertEquals(shanghaiTime(new Date('2026-12-07T04:08:00Z')), '2026-12-07 12:08');
});

Deno.test('refuses what is not a PDF', async () => {
  let failed = false;
  try {
    await stampPdf(new TextEncoder().encode('not a pdf'), 'x');
  } catch {
    failed = true;
  }
  assert(failed);
});
