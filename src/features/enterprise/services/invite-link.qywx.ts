import { routeUrl, ROUTES } from '../../../lib/routes';
// WeCom mini-program (same as weapp): the invitation is the landing page's path (shared as a card).
// The QR shown in the app carries the same path; the WeChat mini-program code (edge function
// `invitation-wxacode`) opens the WeChat build, so WeCom shows this QR instead.
export const JOIN_ROUTE = ROUTES.join.path;

export function inviteLink(code: string): string {
  return routeUrl('join', { code });
}

export const inviteQrText = inviteLink;
