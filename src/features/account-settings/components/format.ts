// Times are shown in China time whatever the device's zone (the product's dates are Asia/Shanghai).
// Done by hand: mini-program runtimes do not all ship Intl time zones.
export function formatShanghai(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const CHANNEL_LABELS: Record<string, string> = { weapp: '微信小程序', h5: '网页', qywx: '企业微信' };

export const RELATIONSHIP_LABELS: Record<string, string> = {
  father: '父亲',
  mother: '母亲',
  grandparent: '祖父母/外祖父母',
  other_guardian: '其他监护人',
};
