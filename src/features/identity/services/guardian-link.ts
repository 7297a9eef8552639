import { ROUTES } from '../../../lib/routes';
// The guardian opens the link in a browser on their own phone: the H5 site's guardian page (hash
// router). In the mini-programs there is no own origin: TARO_APP_H5_URL names the H5 site.
export const GUARDIAN_LINK_ROUTE = ROUTES.guardianLink.path;

function h5Base(): string {
  if (typeof window !== 'undefined' && window.location && /^https?:$/.test(window.location.protocol)) {
    return `${window.location.origin}${window.location.pathname}`;
  }
  return (process.env.TARO_APP_H5_URL ?? '').replace(/\/+$/, '/');
}

export function guardianLinkUrl(token: string): string {
  return `${h5Base()}#/${GUARDIAN_LINK_ROUTE}?t=${encodeURIComponent(token)}`;
}
