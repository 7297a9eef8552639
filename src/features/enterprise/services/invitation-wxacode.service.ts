import { db } from './enterprise.db';

/**
 * The invitation's WeChat mini-program code (edge function `invitation-wxacode`, which holds the
 * app secret): a data URI of the image, for admins and the member who created the invitation.
 */
export async function invitationWxacode(code: string): Promise<string> {
  const { image } = await db.invoke<{ image?: unknown }>('invitation-wxacode', { code });
  if (typeof image !== 'string' || !image.startsWith('data:image/')) throw db.error('empty_response');
  return image;
}
