export default definePageConfig({ navigationBarTitleText: '知识库存储' });
