import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { VersionCompare, VersionList, canEdit, kbService, useLoader } from '../../../features/kb';

export default function KbVersionsPage() {
  const nodeId = useRouter().params?.node ?? '';
  const page = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  const versions = useLoader(() => kbService.versions(nodeId), `${nodeId}|${page.data?.version_no ?? 0}`, !!nodeId);
  return (
    <View className='page'>
      <LoadState loading={versions.loading} error={versions.error || page.error} onRetry={versions.reload} isEmpty={!versions.data?.length} empty='还没有保存过' testId='kb-versions' />
      {versions.data && versions.data.length > 1 ? <VersionCompare nodeId={nodeId} versions={versions.data} /> : null}
      {versions.data && page.data ? (
        <VersionList versions={versions.data} current={page.data.version_no} canRestore={canEdit(page.data.role)}
          onRestore={async (v) => { await kbService.restoreVersion(v.id); page.reload(); }} />
      ) : null}
    </View>
  );
}
