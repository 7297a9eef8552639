export default definePageConfig({ navigationBarTitleText: '搜索知识库' });
