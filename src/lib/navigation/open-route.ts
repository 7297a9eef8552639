import Taro from '@tarojs/taro';
import { isTabUrl } from '../tabs';

/**
 * Opens an in-app URL built with `routeUrl`: tab pages with switchTab (navigateTo refuses them on
 * mini-programs), the rest with navigateTo. switchTab drops the query string, so tab pages read
 * none.
 */
export function openRoute(url: string): void {
  if (isTabUrl(url)) void Taro.switchTab({ url: url.split('?')[0] });
  else void Taro.navigateTo({ url });
}
