export default definePageConfig({ navigationBarTitleText: '权限设置' });
