export default definePageConfig({ navigationBarTitleText: '知享' });
