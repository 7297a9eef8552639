export default definePageConfig({ navigationBarTitleText: '平台运营' });
