// The certificate as a picture (issue 16), drawn on a 2D canvas the same way on H5 (a PNG download)
// and in the mini-program (saved to the album): holder, course or exam, score, date, serial and the
// verification code anyone can check on the public page. The training-certificate function draws
// the same picture as SVG for the screen (supabase/functions/training-certificate/svg.ts; the app
// may not import from the functions' folder). Text only, so the device's CJK font draws the Chinese.
import type { Canvas2D } from '../../../platform/canvas-image.types';
import type { Certificate } from '../services/training.types';

export const CERTIFICATE_SIZE = { width: 1200, height: 850 } as const;
const FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif";

type Line = readonly [text: string, x: number, y: number, size: number, weight: number, colour: string, align: 'center' | 'left' | 'right'];
type CertificateText = Pick<Certificate, 'holder_name' | 'title' | 'score' | 'issued_at' | 'serial' | 'verification_code'>;

const day = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${String(d.getUTCMonth() + 1).padStart(2, '0')}月${String(d.getUTCDate()).padStart(2, '0')}日`;
};

/** Every text line, in drawing order (grouped code ABCD-EFGH-JKMN, Shanghai date). */
export function certificateLines(c: CertificateText): Line[] {
  return [
    ['结业证书', 600, 180, 64, 700, '#7a5a12', 'center'],
    [c.holder_name, 600, 300, 44, 400, '#222', 'center'],
    ['完成并通过', 600, 380, 28, 400, '#444', 'center'],
    [`《${c.title}》`, 600, 450, 36, 600, '#222', 'center'],
    [`考试成绩 ${c.score} 分 · 特发此证`, 600, 520, 26, 400, '#444', 'center'],
    [day(c.issued_at), 600, 640, 26, 400, '#444', 'center'],
    [`证书编号 ${c.serial}`, 90, 760, 20, 400, '#666', 'left'],
    [`验证码 ${c.verification_code.replace(/(.{4})(?=.)/g, '$1-')}`, 1110, 760, 20, 400, '#666', 'right'],
  ];
}

export function drawCertificate(ctx: Canvas2D, c: CertificateText): void {
  ctx.fillStyle = '#fffdf7';
  ctx.fillRect(0, 0, CERTIFICATE_SIZE.width, CERTIFICATE_SIZE.height);
  ctx.strokeStyle = '#b8892d';
  ctx.lineWidth = 6;
  ctx.strokeRect(30, 30, 1140, 790);
  ctx.lineWidth = 1.5;
  ctx.strokeRect(48, 48, 1104, 754);
  ctx.textBaseline = 'alphabetic';
  for (const [text, x, y, size, weight, colour, align] of certificateLines(c)) {
    ctx.font = `${weight} ${size}px ${FONT}`;
    ctx.fillStyle = colour;
    ctx.textAlign = align;
    ctx.fillText(text, x, y, 1040);
  }
}
