export default definePageConfig({ navigationBarTitleText: '社区事项（平台）' });
