import { ROUTES } from '../../../lib/routes';
// H5: the invitation is a link to the landing page of this same site (hash router).
export const JOIN_ROUTE = ROUTES.join.path;

export function inviteLink(code: string): string {
  const base = typeof window !== 'undefined' && window.location ? `${window.location.origin}${window.location.pathname}` : '';
  return `${base}#/${JOIN_ROUTE}?code=${encodeURIComponent(code)}`;
}

/** What the QR image encodes. */
export const inviteQrText = inviteLink;
