import { ROUTES } from '../../../lib/routes';
import { CHANNEL } from '../../../platform/channel';
// The guardian opens the link in a browser on their own phone: the H5 site's guardian page (hash
// router). In the mini-programs there is no own origin: TARO_APP_H5_URL names the H5 site. (Taro's
// mini-program runtime has a window.location of its own, https://taro.com/…: never use it there.)
export const GUARDIAN_LINK_ROUTE = ROUTES.guardianLink.path;

function h5Base(): string {
  if (CHANNEL === 'h5' && typeof window !== 'undefined' && window.location && /^https?:$/.test(window.location.protocol)) {
    return `${window.location.origin}${window.location.pathname}`;
  }
  return (process.env.TARO_APP_H5_URL ?? '').replace(/\/+$/, '/');
}

export function guardianLinkUrl(token: string): string {
  return `${h5Base()}#/${GUARDIAN_LINK_ROUTE}?t=${encodeURIComponent(token)}`;
}
