// Mini-program: the invitation is the landing page's path (shared as a card, or opened from the
// mini-program code the edge function `invitation-wxacode` makes, with scene = the code).
export const JOIN_ROUTE = 'packages/enterprise/join/index';

export function inviteLink(code: string): string {
  return `/${JOIN_ROUTE}?code=${encodeURIComponent(code)}`;
}

export const inviteQrText = inviteLink;
