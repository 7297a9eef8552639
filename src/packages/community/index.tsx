import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FeedView, isPlatformOperator, useCommunity, useShownAgain } from '../../features/community';
import { useLoader } from '../../lib/hooks/use-loader';
import { routeUrl } from '../../lib/routes';
import { Button } from '../../ui/button';
import { LinkCell } from '../../ui/link-cell';
import { LoadState } from '../../ui/load-state';

export default function CommunityPage() {
  const c = useCommunity();
  const operator = useLoader(isPlatformOperator, 'operator');
  const [section, setSection] = useState<string | null>(null);
  // back from a post or the compose page: what changed
  const round = useShownAgain();
  if (!c.enterprise) {
    return (
      <View className='page'>
        <LoadState loading={c.loading} error={c.error} onRetry={c.reload} isEmpty empty='请先加入或选择一个企业' testId='community-page' />
      </View>
    );
  }
  const until = c.status?.restricted_until ?? c.status?.suspended_until;
  return (
    <View className='page' data-testid='community-page'>
      <Text className='page-subtitle'>{c.enterprise.name} · 社区</Text>
      {c.readOnly && (
        <Text className='community-notice' data-testid='community-read-only'>
          {c.status?.account_restricted ? '账号功能受限，暂时只能浏览' : `你在本社区暂时只能浏览${until ? `，至 ${until.slice(0, 10)}` : ''}`}
        </Text>
      )}
      <View className='community-actions'>
        <Button type='primary' size='small' disabled={c.readOnly} data-testid='community-compose-link'
          onClick={() => void Taro.navigateTo({ url: routeUrl('communityCompose', section ? { section } : {}) })}>
          发帖
        </Button>
      </View>
      {c.status?.is_moderator && (
        <LinkCell title='社区审核' description='举报、待审内容和申诉' data-testid='community-moderation-link'
          onClick={() => void Taro.navigateTo({ url: routeUrl('communityModeration') })} />
      )}
      {operator.data && (
        <LinkCell title='平台待处理' description='企业提交平台处理的社区事项' data-testid='community-escalations-link'
          onClick={() => void Taro.navigateTo({ url: routeUrl('communityEscalations') })} />
      )}
      <LinkCell title='我的处理记录' description='被处理的内容与申诉' data-testid='community-records-link'
        onClick={() => void Taro.navigateTo({ url: routeUrl('communityRecords') })} />
      <FeedView key={round} enterpriseId={c.enterprise.id} onSection={setSection}
        onOpen={(p) => void Taro.navigateTo({ url: routeUrl('communityPost', { id: p.id }) })} />
    </View>
  );
}
