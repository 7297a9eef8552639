// Phone numbers as GoTrue handles them: E.164 with or without '+', stored as digits only
// (`+86 138 0013 8000` → `8613800138000`). GoTrue accepts `^[1-9]\d{1,14}$`; we ask for at least 7
// digits, since no real E.164 number is shorter and a 2-digit "phone" would only reach the SMS hook
// to fail there as a 500.
import { validationFailed } from './errors';

export function normalizePhone(input: string): string {
  const digits = input.trim().replace(/^\+/, '').replace(/[\s-]/g, '');
  if (!/^[1-9]\d{6,14}$/.test(digits)) {
    throw validationFailed('Invalid phone number format (E.164 required)');
  }
  return digits;
}
