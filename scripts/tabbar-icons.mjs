#!/usr/bin/env node
// Draws the tab bar icons (src/assets/tabbar/<name>.png and <name>-active.png, 81×81 RGBA) from a
// few strokes each, so they can be redrawn without an image editor: `node scripts/tabbar-icons.mjs`.
// WeChat's tabBar wants PNG files of at most 40 KB; these are about 1 KB.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE = 6;
const COLORS = { '': [0x8a, 0x8f, 0x99], '-active': [0x1f, 0x6f, 0xeb] };

const seg = (x1, y1, x2, y2) => ({ kind: 'seg', x1, y1, x2, y2 });
const poly = (...pts) => pts.slice(0, -2).map((_, i) => i % 2 === 0 ? seg(pts[i], pts[i + 1], pts[i + 2], pts[i + 3]) : null).filter(Boolean);
const ring = (cx, cy, r) => ({ kind: 'ring', cx, cy, r });
const disc = (cx, cy, r) => ({ kind: 'disc', cx, cy, r });

// Each icon: a list of strokes on the 81 px grid.
const ICONS = {
  home: [...poly(12, 40, 40, 14, 68, 40), ...poly(20, 34, 20, 68, 60, 68, 60, 34), ...poly(40, 68, 40, 52)],
  mine: [ring(40, 27, 13), ...poly(14, 70, 18, 56, 28, 48, 40, 46, 52, 48, 62, 56, 66, 70)],
  kb: [...poly(40, 22, 40, 68), ...poly(10, 16, 40, 22, 70, 16, 70, 64, 40, 70, 10, 64, 10, 16)],
  learn: [...poly(6, 32, 40, 16, 74, 32, 40, 48, 6, 32), ...poly(20, 40, 20, 58, 40, 68, 60, 58, 60, 40), ...poly(70, 34, 70, 56)],
  community: [...poly(10, 14, 56, 14, 56, 46, 26, 46, 14, 58, 16, 46, 10, 46, 10, 14), ...poly(62, 26, 72, 26, 72, 60, 66, 60, 66, 70, 56, 60, 34, 60, 34, 54), disc(24, 30, 3), disc(33, 30, 3), disc(42, 30, 3)],
};

function distance(shape, x, y) {
  if (shape.kind === 'ring') return Math.abs(Math.hypot(x - shape.cx, y - shape.cy) - shape.r) - STROKE / 2;
  if (shape.kind === 'disc') return Math.hypot(x - shape.cx, y - shape.cy) - shape.r;
  const { x1, y1, x2, y2 } = shape;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) - STROKE / 2;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(shapes, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const d = Math.min(...shapes.map((s) => distance(s, x + 0.5, y + 0.5)));
      const alpha = Math.max(0, Math.min(1, 0.5 - d)); // one pixel of anti-aliasing
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const dir = path.resolve(import.meta.dirname, '..', 'src', 'assets', 'tabbar');
for (const [name, shapes] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) writeFileSync(path.join(dir, `${name}${suffix}.png`), png(shapes, color));
}
