// Main package: only the first screens (home, sign-in). Everything else lives in subpackages so
// the mini-program main package stays small; admin/ops/training get their own subpackages later.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'packages/account',
      // birth-date: 出生日期 (state, correction requests with evidence)
      pages: ['profile/index', 'password/index', 'agreements/index', 'cancel/index', 'report-stolen/index', 'birth-date/index'],
    },
    {
      // Birth date, agreements and guardian confirmation: everything a new or uncleared member sees.
      root: 'packages/onboarding',
      // guardian-link: the guardian's page, opened from a link on their own phone (no account)
      pages: ['index', 'guardian-link/index'],
    },
    {
      // Platform operators (H5): agreement publishing, account actions, stolen-account reports.
      root: 'packages/ops',
      // birth-date-corrections: review of members' birth-date correction requests
      pages: ['index', 'birth-date-corrections/index'],
    },
    {
      // Enterprises for members: create, my enterprises (switch), invitation landing, code entry, 通讯录,
      // 我的名片 (the member's own directory card; with ?user= an admin edits a member's).
      root: 'packages/enterprise',
      pages: ['mine/index', 'create/index', 'join/index', 'code/index', 'directory/index', 'card/index'],
    },
    {
      // 知识库 (issue 14): home (search, spaces, recent, favourites), folders, page view, the simple
      // editor, version history, search results.
      root: 'packages/kb',
      pages: ['index', 'folder/index', 'page/index', 'edit/index', 'versions/index', 'search/index'],
    },
    {
      // Enterprise admins: members, invitations, join requests, departments, settings, qualification.
      root: 'packages/admin',
      pages: ['index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '知享',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
});
