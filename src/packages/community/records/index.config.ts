export default definePageConfig({ navigationBarTitleText: '我的处理记录' });
