// Phone numbers exactly as GoTrue's validatePhone takes them: one leading '+' dropped, spaces
// removed (formatPhoneNumber), then E.164 digits `^[1-9]\d{1,14}$`; stored as digits only
// (`+86 138 0013 8000` → `8613800138000`). Dashes, brackets or tabs are refused, as on hosted.
import { validationFailed } from './errors';

export function normalizePhone(input: string): string {
  const digits = input.replace(/^\+/, '').replaceAll(' ', '');
  if (!/^[1-9]\d{1,14}$/.test(digits)) {
    throw validationFailed('Invalid phone number format (E.164 required)');
  }
  return digits;
}
