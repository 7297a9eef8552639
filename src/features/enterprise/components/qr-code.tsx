import { Image } from '@tarojs/components';
import QRCode from 'qrcode';
import { useMemo } from 'react';

/** UTF-8 bytes of `text` without TextEncoder. */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(bytes);
}

/** The QR code of `text` as an SVG data URI: no canvas, so it renders the same on every platform. */
export function qrSvg(text: string): string {
  // Bytes given directly: qrcode would otherwise call TextEncoder, which mini-programs lack.
  const qr = QRCode.create([{ data: utf8(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const margin = 2;
  let path = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (qr.modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  const full = size + margin * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (mini-programs have no btoa). */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63]);
  }
  return out;
}

export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const src = useMemo(() => `data:image/svg+xml;base64,${base64Ascii(qrSvg(text))}`, [text]);
  return <Image className='ent-qr' src={src} mode='aspectFit' aria-label={label} data-testid={testId} data-text={text} />;
}
