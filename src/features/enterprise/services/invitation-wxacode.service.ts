import { AppError, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import { fromFunctionsError } from '../../identity/services/identity-errors';

/**
 * The invitation's WeChat mini-program code (edge function `invitation-wxacode`, which holds the
 * app secret): a data URI of the image, for admins and the member who created the invitation.
 */
export async function invitationWxacode(code: string): Promise<string> {
  let result: { data: unknown; error: unknown };
  try {
    result = await supabase.functions.invoke('invitation-wxacode', { body: { code } });
  } catch (failure) {
    throw await fromFunctionsError(failure);
  }
  if (result.error) throw await fromFunctionsError(result.error);
  const image = (result.data as { image?: unknown } | null)?.image;
  if (typeof image !== 'string' || !image.startsWith('data:image/')) throw new AppError('empty_response', UNKNOWN_ERROR_MESSAGE);
  return image;
}
