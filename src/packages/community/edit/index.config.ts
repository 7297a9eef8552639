export default definePageConfig({ navigationBarTitleText: '编辑帖子' });
