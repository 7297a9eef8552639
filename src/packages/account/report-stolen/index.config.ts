export default definePageConfig({ navigationBarTitleText: '账号被盗申诉' });
