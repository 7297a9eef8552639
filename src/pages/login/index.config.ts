export default definePageConfig({ navigationBarTitleText: '登录知享' });
