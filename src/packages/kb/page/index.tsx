import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { LoadState } from '../../../ui/load-state';
import { kbService, useLoader } from '../../../features/kb';
import { PageView } from '../../../features/kb/components/page-view';
import { GovernancePanel } from '../../../features/kb/governance';

export default function KbPagePage() {
  const nodeId = useRouter().params?.node ?? '';
  const page = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  const first = useRef(true);
  // back from the editor or the history: show the saved version
  useDidShow(() => {
    if (first.current) first.current = false;
    else page.reload();
  });
  return (
    <View className='page'>
      {page.data ? (
        <PageView page={page.data} onChanged={page.reload}>
          {page.data.kind === 'page' || page.data.kind === 'file' ? <GovernancePanel nodeId={page.data.id} refresh={page.data} /> : null}
        </PageView>
      ) : <LoadState loading={page.loading} error={page.error} onRetry={page.reload} testId='kb-page' />}
    </View>
  );
}
