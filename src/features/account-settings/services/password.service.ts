import { AppError } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import { fromFunctionsError, toIdentityError, type CodeSent } from '../../identity';

// Setting or changing the password goes through the password-change function: an SMS code first,
// then the database checks the password (8+, letters and digits, not a common one) and issues the
// permit without which auth.users refuses the change (docs/api.md). GoTrue's PUT /user is not used.
async function invoke<T>(body: Record<string, unknown>): Promise<T> {
  let result: { data: unknown; error: unknown };
  try {
    result = await supabase.functions.invoke('password-change', { body });
  } catch (failure) {
    throw toIdentityError(failure);
  }
  if (result.error) throw await fromFunctionsError(result.error);
  if (result.data === null || result.data === undefined) throw new AppError('unknown', '请求失败，请稍后再试');
  return result.data as T;
}

export const sendPasswordCode = () => invoke<CodeSent>({ action: 'send' });

export const changePassword = (code: string, password: string) =>
  invoke<{ changed: true }>({ action: 'confirm', code, password });

export const passwordService = { sendPasswordCode, changePassword };
export type PasswordService = typeof passwordService;
