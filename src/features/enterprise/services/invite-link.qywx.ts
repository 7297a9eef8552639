// WeCom mini-program (same as weapp): the invitation is the landing page's path (shared as a card).
// The QR shown in the app carries the same path; the WeChat mini-program code (edge function
// `invitation-wxacode`) opens the WeChat build, so WeCom shows this QR instead.
export const JOIN_ROUTE = 'packages/enterprise/join/index';

export function inviteLink(code: string): string {
  return `/${JOIN_ROUTE}?code=${encodeURIComponent(code)}`;
}

export const inviteQrText = inviteLink;
