// The viewer's mark over every page of a PDF (issue 14: PDF downloads stamped server-side when the
// space's watermark is on): "name phone-tail time" tiled diagonally, light grey, translucent.
//
// The text is mostly Chinese and the standard 14 fonts have no Chinese glyphs, so it is set in
// STSong-Light with the UniGB-UCS2-H encoding: one of the Adobe Asian fonts PDF readers supply
// themselves (PDF 1.7 §9.7.5.2, Adobe-GB1), so nothing is embedded and a mark costs a few hundred
// bytes per page instead of megabytes of font. pdf-lib (npm) reads and writes the document.
import {
  beginText,
  endText,
  PDFDocument,
  PDFHexString,
  type PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  showText,
} from 'npm:pdf-lib@1.17.1';

/** UCS-2 big-endian hex of the text (what UniGB-UCS2-H reads); characters outside the BMP become '?'. */
export function ucs2Hex(text: string): string {
  return [...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 0x3f;
    return (code > 0xffff || code < 0x20 ? 0x3f : code).toString(16).padStart(4, '0');
  }).join('').toUpperCase();
}

/** "2026-12-07 12:08" in Asia/Shanghai: the time printed with the mark. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function markFont(doc: PDFDocument): { font: PDFRef; state: PDFRef } {
  const ctx = doc.context;
  const descriptor = ctx.register(ctx.obj({
    Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93,
  }));
  const cidFont = ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'STSong-Light',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 },
    FontDescriptor: descriptor,
    // CIDs 1–95 are the proportional Latin set (half width); the rest full width
    DW: 1000, W: [1, 95, 500],
  }));
  const font = ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light-UniGB-UCS2-H', Encoding: 'UniGB-UCS2-H', DescendantFonts: [cidFont],
  }));
  const state = ctx.register(ctx.obj({ Type: 'ExtGState', ca: 0.16, CA: 0.16 }));
  return { font, state };
}

/** The document with `mark` tiled over every page (the original content untouched beneath it). */
export async function stampPdf(bytes: Uint8Array, mark: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { font, state } = markFont(doc);
  const text = PDFHexString.of(ucs2Hex(mark));
  const size = 14;
  const cos = Math.cos(Math.PI / 6);
  const sin = Math.sin(Math.PI / 6);
  for (const page of doc.getPages()) {
    const fontName = page.node.newFontDictionary('ZxMark', font);
    const stateName = page.node.newExtGState('ZxMarkGs', state);
    const { width, height } = page.getSize();
    const ops = [pushGraphicsState(), setGraphicsState(stateName), setFillingGrayscaleColor(0.2), beginText(), setFontAndSize(fontName, size)];
    for (let y = -height; y < height * 1.5; y += 120) {
      for (let x = -width / 2; x < width; x += 260) {
        ops.push(setTextMatrix(cos, sin, -sin, cos, x, y), showText(text));
      }
    }
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }
  // no object streams: PDF 1.4 readers (and the mini-programs' viewers) read every part
  return await doc.save({ useObjectStreams: false });
}
