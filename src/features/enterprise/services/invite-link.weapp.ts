import { routeUrl, ROUTES } from '../../../lib/routes';
// Mini-program: the invitation is the landing page's path (shared as a card, or opened from the
// mini-program code the edge function `invitation-wxacode` makes, with scene = the code).
export const JOIN_ROUTE = ROUTES.join.path;

export function inviteLink(code: string): string {
  return routeUrl('join', { code });
}

export const inviteQrText = inviteLink;
