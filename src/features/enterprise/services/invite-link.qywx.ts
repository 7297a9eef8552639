// WeCom mini-program (same as weapp): the invitation is the landing page's path (shared as a card or opened from a
// mini-program code). The QR shown in the app carries the same path; a scannable WeChat
// mini-program code (wxacode.getUnlimited with scene = code) needs the app secret on the server.
export const JOIN_ROUTE = 'packages/enterprise/join/index';

export function inviteLink(code: string): string {
  return `/${JOIN_ROUTE}?code=${encodeURIComponent(code)}`;
}

export const inviteQrText = inviteLink;
