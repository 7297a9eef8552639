import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { KB_ROUTES, kbService, useLoader } from '../../../features/kb';
// deep import: the editor and markdown-it stay out of the main package (eslint.config.mjs)
import { PageEditor } from '../../../features/kb/components/page-editor';

export default function KbEditPage() {
  const nodeId = useRouter().params?.node ?? '';
  const page = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  return (
    <View className='page'>
      {page.data ? (
        <PageEditor page={page.data} onSaved={(version) => {
          // the published version moves on a save; it stays where it was when the save waits for review
          const published = version > (page.data?.version_no ?? 0);
          void Taro.showToast({ title: published ? '已保存' : '已提交审核，管理者通过后发布', icon: 'none' });
          // a new page came here from its folder: show it; an edited one goes back to its view
          if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
          else void Taro.redirectTo({ url: KB_ROUTES.page(nodeId) });
        }} />
      ) : <LoadState loading={page.loading} error={page.error} onRetry={page.reload} testId='kb-edit' />}
    </View>
  );
}
