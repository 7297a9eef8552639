import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { kbService, useLoader } from '../../../features/kb';
import { AccessEditor } from '../../../features/kb/components/access-editor';
import { SpaceProtection } from '../../../features/kb/components/space-protection';

/** Managers: who can see a space, folder or page, and its grants; a space's protection (watermark, copy restriction). */
export default function KbAccessPage() {
  const nodeId = useRouter().params?.node ?? '';
  const node = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  return (
    <View className='page'>
      {node.data ? (
        <View>
          <AccessEditor nodeId={nodeId} enterpriseId={node.data.enterprise_id} title={node.data.title} isSpace={node.data.kind === 'space'} />
          {node.data.kind === 'space' ? <SpaceProtection spaceId={nodeId} watermark={!!node.data.watermark} copyProtect={!!node.data.copy_protect} /> : null}
        </View>
      ) : <LoadState loading={node.loading} error={node.error} onRetry={node.reload} testId='kb-access-node' />}
    </View>
  );
}
