export default definePageConfig({ navigationBarTitleText: '编辑页面' });
