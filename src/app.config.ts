// Main package: only the first screens (home, sign-in). Everything else lives in subpackages so
// the mini-program main package stays small; admin/ops/training get their own subpackages later.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['profile/index', 'password/index'],
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
