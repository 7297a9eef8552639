import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../ui/load-state';
import { useLoader } from '../hooks/use-kb-loader';
import { kbGovernanceService, type KbGovernanceService } from '../services/kb-governance.service';
import './kb.css';

/** 1.5 GB, 300 MB, 12 KB (as the server words its quota message). */
export function bytesText(n: number): string {
  const units: Array<[number, string]> = [[1024 ** 3, 'GB'], [1024 ** 2, 'MB'], [1024, 'KB']];
  for (const [size, unit] of units) if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  return `${n} B`;
}

function Bar({ share, label, testId }: { share: number; label: string; testId: string }) {
  const pct = Math.min(100, Math.max(0, share * 100));
  return (
    <View className='kb-bar' role='progressbar' aria-label={label} aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100} data-testid={testId}>
      <View className={pct >= 90 ? 'kb-bar__fill kb-bar__fill--full' : 'kb-bar__fill'} style={{ width: `${pct}%` }} />
    </View>
  );
}

/** Admins and content managers: what the knowledge base takes of the quota, in all and per space. */
export function StorageUsage({ enterpriseId, service = kbGovernanceService }: { enterpriseId: string; service?: Pick<KbGovernanceService, 'storageUsage'> }) {
  const usage = useLoader(() => service.storageUsage(enterpriseId), enterpriseId, !!enterpriseId);
  const u = usage.data;
  if (!u) return <LoadState loading={usage.loading} error={usage.error} onRetry={usage.reload} testId='kb-storage-state' />;
  const total = u.quota ?? Math.max(u.used, 1);
  return (
    <View data-testid='kb-storage'>
      <Text className='kb-section-title' data-testid='kb-storage-total'>
        {u.quota === null ? `已用 ${bytesText(u.used)}（不限容量）` : `已用 ${bytesText(u.used)} / 共 ${bytesText(u.quota)}`}
      </Text>
      <Bar share={u.used / total} label='知识库存储用量' testId='kb-storage-bar' />
      {u.quota !== null && u.used >= u.quota ? <Text role='alert' className='kb-muted'>存储空间已满：新的上传会被拒绝，请清理文件或升级版本</Text> : null}
      <Text className='kb-section-title'>各空间用量</Text>
      {u.spaces.map((s) => (
        <View key={s.space_id} className='kb-item' data-testid='kb-storage-space'>
          <Text className='kb-item__title'>{s.title}</Text>
          <Text className='kb-muted'>{bytesText(s.bytes)}</Text>
          <Bar share={u.used ? s.bytes / u.used : 0} label={`${s.title}占已用空间的比例`} testId='kb-storage-space-bar' />
        </View>
      ))}
    </View>
  );
}
