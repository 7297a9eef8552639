export default definePageConfig({ navigationBarTitleText: '企业邀请' });
