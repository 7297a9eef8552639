// Phone numbers as people read them. The database stores E.164 digits (8613812341234, sometimes
// with '+'); a list shows the mainland mobile number masked (138****1234), and the dialler gets
// the local number.

/** '+8613812341234' | '8613812341234' | '13812341234' → '13812341234'; other numbers: digits as given. */
export function localPhone(raw: string): string {
  const digits = raw.replace(/[^\d]/g, '');
  return /^861\d{10}$/.test(digits) ? digits.slice(2) : digits;
}

/** '138****1234' for a mainland mobile; other numbers keep their first 3 and last 4 digits. */
export function maskPhone(raw: string): string {
  const local = localPhone(raw);
  if (local.length < 8) return local;
  return `${local.slice(0, 3)}****${local.slice(-4)}`;
}
