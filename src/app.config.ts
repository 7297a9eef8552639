import { appPages } from './lib/routes';
import { tabBarConfig } from './lib/tabs';

// Pages come from the route table (supabase/functions/_shared/routes.ts), so a page, its links and
// the edge function's landing page cannot drift apart. Main package: only the first screens (home,
// sign-in). Everything else lives in subpackages so the mini-program main package stays small:
// account (我的资料, password, agreements, cancellation, stolen-account report, birth date);
// onboarding (birth date, agreements, guardian confirmation, and the guardian's own page opened
// from a link on their phone); ops (platform operators, H5: agreements, account actions, reports,
// birth-date corrections); enterprise (members: mine, create, invitation landing, code entry,
// 通讯录, 我的名片); admin (enterprise admins). Later modules add their own subpackages.
// The tab bar (首页, 我的, and each module's tab once it lands) comes from the tab registry
// (lib/tabs.ts); its pages are main-package routes.
const { pages, subPackages } = appPages();

export default defineAppConfig({
  pages,
  subPackages,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '知享',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: tabBarConfig(),
});
