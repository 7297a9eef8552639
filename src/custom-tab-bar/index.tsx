// The mini-program's custom tab bar (app.json `tabBar.custom`): WeChat and WeCom draw this
// component below every tab page instead of the native bar, whose list is fixed at build time; this
// one shows only the tabs the current enterprise's edition includes, and the unread badge.
import { AppTabBar } from '../features/shell';

export default function CustomTabBar() {
  return <AppTabBar />;
}
