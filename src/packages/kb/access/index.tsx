import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { kbService, useLoader } from '../../../features/kb';
import { AccessEditor } from '../../../features/kb/components/access-editor';
import { SpaceProtection } from '../../../features/kb/components/space-protection';
import { kbGovernanceService } from '../../../features/kb/governance';

/** Managers: who can see a space, folder or page, and its grants; a space's protection (watermark, copy restriction, approval). */
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
          {isSpace ? (
            <SpaceProtection key={gov.data ? 'loaded' : 'loading'} spaceId={nodeId} watermark={!!node.data.watermark}
              copyProtect={!!node.data.copy_protect}
              approval={gov.data ? { on: gov.data.approval_required, save: (on) => kbGovernanceService.setSpaceApproval(nodeId, on) } : undefined} />
          ) : null}
        </View>
      ) : <LoadState loading={node.loading} error={node.error} onRetry={node.reload} testId='kb-access-node' />}
    </View>
  );
}
