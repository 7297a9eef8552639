// The certificate as an SVG image (issue 16): holder, course or exam, date, serial and the
// verification code anyone can check. Text only, escaped; fonts fall back to the device's CJK font.

import type { CertificateRow } from '../_shared/certificate.ts';

export type { CertificateRow };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** 2026年12月06日 in Shanghai time. */
export function shanghaiDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${two(d.getUTCMonth() + 1)}月${two(d.getUTCDate())}日`;
}

export function certificateSvg(c: CertificateRow): string {
  const font = `font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"`;
  const code = c.verification_code.replace(/(.{4})(?=.)/g, '$1-');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="850" viewBox="0 0 1200 850">
  <rect width="1200" height="850" fill="#fffdf7"/>
  <rect x="30" y="30" width="1140" height="790" fill="none" stroke="#b8892d" stroke-width="6"/>
  <rect x="48" y="48" width="1104" height="754" fill="none" stroke="#b8892d" stroke-width="1.5"/>
  <text x="600" y="180" text-anchor="middle" ${font} font-size="64" font-weight="700" fill="#7a5a12">结业证书</text>
  <text x="600" y="300" text-anchor="middle" ${font} font-size="44" fill="#222">${esc(c.holder_name)}</text>
  <text x="600" y="380" text-anchor="middle" ${font} font-size="28" fill="#444">完成并通过</text>
  <text x="600" y="450" text-anchor="middle" ${font} font-size="36" font-weight="600" fill="#222">《${esc(c.title)}》</text>
  <text x="600" y="520" text-anchor="middle" ${font} font-size="26" fill="#444">考试成绩 ${c.score} 分 · 特发此证</text>
  <text x="600" y="640" text-anchor="middle" ${font} font-size="26" fill="#444">${shanghaiDate(c.issued_at)}</text>
  <text x="90" y="760" ${font} font-size="20" fill="#666">证书编号 ${esc(c.serial)}</text>
  <text x="1110" y="760" text-anchor="end" ${font} font-size="20" fill="#666">验证码 ${esc(code)}</text>
</svg>`;
}
