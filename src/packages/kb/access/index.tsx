import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { AccessEditor, SpaceProtection, kbGovernanceService, kbService, useLoader } from '../../../features/kb';

/** Managers: who can see a space, folder or page, and its grants; a space's protection (watermark, approval). */
export default function KbAccessPage() {
  const nodeId = useRouter().params?.node ?? '';
  const node = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  const isSpace = node.data?.kind === 'space';
  const gov = useLoader(() => kbGovernanceService.pageGovernance(nodeId), nodeId, isSpace);
  return (
    <View className='page'>
      {node.data ? (
        <View>
          <AccessEditor nodeId={nodeId} enterpriseId={node.data.enterprise_id} title={node.data.title} isSpace={isSpace} />
          {isSpace ? <SpaceProtection key={gov.data ? 'loaded' : 'loading'} spaceId={nodeId} watermark={!!node.data.watermark} approval={gov.data?.approval_required} /> : null}
        </View>
      ) : <LoadState loading={node.loading} error={node.error} onRetry={node.reload} testId='kb-access-node' />}
    </View>
  );
}
