// Tiny demo files for the knowledge-base seed, generated from plain bytes so the repository carries
// no binaries: a PNG diagram (zlib-deflated RGB rows), a one-page PDF with an embedded title, and a
// one-second H.264 MP4 (I_PCM macroblocks, so no encoder is needed; Baseline profile, plays in
// browsers and WeChat). All three are deterministic: the same bytes on every start.
import zlib from 'node:zlib';

// -- PNG ----------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 240×120 "architecture diagram": three coloured boxes (clients → API → database) joined by bars. */
export function demoPng(): Buffer {
  const w = 240;
  const h = 120;
  const boxes = [
    { x: 10, color: [0x3b, 0x82, 0xf6] },
    { x: 90, color: [0x10, 0xb9, 0x81] },
    { x: 170, color: [0xf5, 0x9e, 0x0b] },
  ];
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3, 0xff); // filter byte 0 set below, white background
    row[0] = 0;
    for (let x = 0; x < w; x++) {
      let px: number[] | null = null;
      for (const b of boxes) if (x >= b.x && x < b.x + 60 && y >= 30 && y < 90) px = b.color;
      if (!px && y >= 57 && y < 63 && x >= 70 && x < 170 && !(x >= 90 && x < 150)) px = [0x64, 0x74, 0x8b];
      if (px) row.set(px, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// -- PDF ----------------------------------------------------------------------------------------

const utf16Hex = (s: string) => 'FEFF' + [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();

/** A one-page A4 PDF: ASCII text in Helvetica, the Chinese title in the document info (UTF-16BE). */
export function demoPdf(title: string, lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = ['BT /F1 20 Tf 72 770 Td', `(${esc(lines[0] ?? '')}) Tj`, '/F1 12 Tf 0 -32 Td 16 TL',
    ...lines.slice(1).map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    `<< /Title <${utf16Hex(title)}> /Producer (Zhixiang demo seed) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The demo knowledge base's 员工手册 PDF (the seed's file node, and the stamping tests' sample). */
export const demoHandbookPdf = (): Buffer => demoPdf('员工手册', ['Employee Handbook', 'Working hours: Monday to Friday, 9:00-18:00.',
  'Annual leave: 5 days after one year, one more day per year, up to 15.', 'Expenses: apply first, claim with an e-invoice.',
  'Information security: lock your screen, never share passwords.']);

// -- MP4 (H.264 Baseline, I_PCM) ----------------------------------------------------------------

class BitWriter {
  private bits: number[] = [];
  u(n: number, v: number): this {
    for (let i = n - 1; i >= 0; i--) this.bits.push((v >>> i) & 1);
    return this;
  }
  ue(v: number): this {
    const x = v + 1;
    const len = Math.floor(Math.log2(x));
    return this.u(len, 0).u(len + 1, x);
  }
  se(v: number): this {
    return this.ue(v <= 0 ? -2 * v : 2 * v - 1);
  }
  align(): this {
    while (this.bits.length % 8) this.bits.push(0);
    return this;
  }
  bytes(buf: Buffer): this {
    for (const b of buf) this.u(8, b);
    return this;
  }
  trailing(): Buffer {
    this.bits.push(1);
    this.align();
    const out = Buffer.alloc(this.bits.length / 8);
    for (let i = 0; i < this.bits.length; i++) out[i >> 3] |= this.bits[i] << (7 - (i & 7));
    return out;
  }
}

/** NAL unit: header byte + RBSP with emulation-prevention bytes. */
function nal(header: number, rbsp: Buffer): Buffer {
  const out = [header];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

const u8 = (...v: number[]) => Buffer.from(v);
function u16(...v: number[]): Buffer {
  const b = Buffer.alloc(v.length * 2);
  v.forEach((x, i) => b.writeUInt16BE(x, i * 2));
  return b;
}
function u32(...v: number[]): Buffer {
  const b = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => b.writeUInt32BE(x >>> 0, i * 4));
  return b;
}
const MATRIX = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);

/** A 1-second 32×32 video, 5 frames fading from blue to orange; every frame an IDR picture. */
export function demoMp4(): Buffer {
  const size = 32;
  const mbs = (size / 16) ** 2;
  const frames = 5;
  const delta = 200; // timescale 1000 → 5 fps
  const sps = nal(0x67, new BitWriter().u(8, 66).u(8, 0xc0).u(8, 10).ue(0).ue(0).ue(2).ue(0).u(1, 0)
    .ue(size / 16 - 1).ue(size / 16 - 1).u(1, 1).u(1, 1).u(1, 0).u(1, 0).trailing());
  const pps = nal(0x68, new BitWriter().ue(0).ue(0).u(1, 0).u(1, 0).ue(0).ue(0).ue(0).u(1, 0).u(2, 0)
    .se(0).se(0).se(0).u(1, 0).u(1, 0).u(1, 0).trailing());
  const samples: Buffer[] = [];
  for (let f = 0; f < frames; f++) {
    const t = f / (frames - 1);
    // BT.601 YCbCr of a blue → orange fade, all values inside 16..240 (PCM samples must not be 0)
    const y = Math.round(80 + 90 * t);
    const cb = Math.round(200 - 130 * t);
    const cr = Math.round(100 + 80 * t);
    const w = new BitWriter().ue(0).ue(7).ue(0).u(4, 0).ue(f).u(1, 0).u(1, 0).se(0);
    for (let m = 0; m < mbs; m++) {
      w.ue(25).align().bytes(Buffer.alloc(256, y)).bytes(Buffer.alloc(64, cb)).bytes(Buffer.alloc(64, cr));
    }
    const slice = nal(0x65, w.trailing());
    samples.push(Buffer.concat([u32(slice.length), slice]));
  }
  const duration = frames * delta;
  const avcC = box('avcC', u8(1, 66, 0xc0, 10, 0xff, 0xe1), u16(sps.length), sps, u8(1), u16(pps.length), pps);
  const avc1 = box('avc1', Buffer.alloc(6), u16(1), Buffer.alloc(16), u16(size, size), u32(0x480000, 0x480000, 0), u16(1),
    Buffer.alloc(32), u16(0x18, 0xffff), avcC);
  const stbl = (chunkOffset: number) => box('stbl',
    box('stsd', u32(0, 1), avc1),
    box('stts', u32(0, 1, frames, delta)),
    box('stsc', u32(0, 1, 1, frames, 1)),
    box('stsz', u32(0, 0, frames, ...samples.map((s) => s.length))),
    box('stco', u32(0, 1, chunkOffset)));
  const moov = (chunkOffset: number) => box('moov',
    box('mvhd', u32(0, 0, 0, 1000, duration, 0x10000), u16(0x100), Buffer.alloc(10), MATRIX, Buffer.alloc(24), u32(2)),
    box('trak',
      box('tkhd', u32(3, 0, 0, 1, 0, duration, 0, 0), u16(0, 0, 0, 0), MATRIX, u32(size << 16, size << 16)),
      box('mdia',
        box('mdhd', u32(0, 0, 0, 1000, duration), u16(0x55c4, 0)),
        box('hdlr', u32(0, 0), Buffer.from('vide', 'ascii'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'ascii')),
        box('minf',
          box('vmhd', u32(1), u16(0, 0, 0, 0)),
          box('dinf', box('dref', u32(0, 1), box('url ', u32(1)))),
          stbl(chunkOffset)))));
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'ascii'));
  const offset = ftyp.length + moov(0).length + 8;
  return Buffer.concat([ftyp, moov(offset), box('mdat', ...samples)]);
}
