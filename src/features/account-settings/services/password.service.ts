import { bindDataLayer } from '../../../lib/data';
import { IDENTITY_MESSAGES, type CodeSent } from '../../identity';

// Setting or changing the password goes through the password-change function: an SMS code first,
// then the database checks the password (8+, letters and digits, not a common one) and issues the
// permit without which auth.users refuses the change (docs/api.md). GoTrue's PUT /user is not used.
// Its codes are identity's (the SMS-code and gate codes).
const db = bindDataLayer(IDENTITY_MESSAGES);

export const sendPasswordCode = () => db.invoke<CodeSent>('password-change', { action: 'send' });

export const changePassword = (code: string, password: string) =>
  db.invoke<{ changed: true }>('password-change', { action: 'confirm', code, password });

export const passwordService = { sendPasswordCode, changePassword };
export type PasswordService = typeof passwordService;
