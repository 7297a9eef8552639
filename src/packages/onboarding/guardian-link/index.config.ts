export default definePageConfig({ navigationBarTitleText: '监护人确认' });
