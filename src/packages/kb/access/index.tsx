import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { AccessEditor, kbService, useLoader } from '../../../features/kb';

/** Managers: who can see a space, folder or page, and its grants. */
export default function KbAccessPage() {
  const nodeId = useRouter().params?.node ?? '';
  const node = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  return (
    <View className='page'>
      {node.data ? (
        <AccessEditor nodeId={nodeId} enterpriseId={node.data.enterprise_id} title={node.data.title} isSpace={node.data.kind === 'space'} />
      ) : <LoadState loading={node.loading} error={node.error} onRetry={node.reload} testId='kb-access-node' />}
    </View>
  );
}
