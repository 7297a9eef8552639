import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { useLoader } from '../hooks/use-kb-loader';
import { KB_ROUTES } from '../routes';
import { kbGovernanceService, type KbGovernanceService } from '../services/kb-governance.service';
import './kb.css';

/** 待审核: editors' saves waiting for the caller (a manager of the page), oldest first. */
export function ReviewList({ enterpriseId, refreshKey = 0, service = kbGovernanceService }: {
  enterpriseId: string;
  refreshKey?: number;
  service?: Pick<KbGovernanceService, 'pendingReviews'>;
}) {
  const list = useLoader(() => service.pendingReviews(enterpriseId), `${enterpriseId}|${refreshKey}`, !!enterpriseId);
  return (
    <View data-testid='kb-reviews'>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={!list.data?.length} empty='没有待审核的修改' testId='kb-reviews-state' />
      {(list.data ?? []).map((r) => (
        <View key={r.review_id} className='kb-item' role='link' data-testid='kb-review-item' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.review(r.review_id) })}>
          <Text className='kb-item__title'>{r.title}</Text>
          <Text className='kb-muted'>
            {`${r.space_title} · ${r.author_name} · ${r.updated_at.slice(0, 16).replace('T', ' ')}${r.current_version !== r.base_version ? ' · 页面已有更新' : ''}`}
          </Text>
        </View>
      ))}
    </View>
  );
}
