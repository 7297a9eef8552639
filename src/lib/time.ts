/**
 * `2026-11-29 18:05` in China time (Asia/Shanghai, UTC+8 without daylight saving) whatever the
 * device's zone: the product's dates are Shanghai dates. Done by hand because mini-program
 * runtimes do not all ship Intl time zones. `empty` is shown for a missing or unreadable time
 * (lists show '—', sentences show nothing).
 */
export function formatShanghai(iso: string | null | undefined, empty = ''): string {
  if (!iso) return empty;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return empty;
  const d = new Date(ms + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
