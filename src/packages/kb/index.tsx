import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { LoadState, PageWithoutEnterprise } from '../../ui/load-state';
import { Button } from '../../ui/button';
import { CreateSpaceForm, KB_ROUTES, KbSearchBox, NodeList, StalePages, kbService, nodeRoute, useKbEnterprise, useLoader } from '../../features/kb';

/** 知识库: search, spaces, 待复查 and 待审核 for owners and managers, recently viewed (with "updated since you read"), favourites. */
export default function KbHomePage() {
  const page = useKbEnterprise();
  const ent = page.enterprise?.id ?? '';
  const spaces = useLoader(() => kbService.spaces(ent), ent, !!ent);
  const recent = useLoader(() => kbService.recent(ent), ent, !!ent);
  const favorites = useLoader(() => kbService.favorites(ent), ent, !!ent);
  const [shown, setShown] = useState(0);
  const reviews = useLoader(() => kbService.pendingReviews(ent), `${ent}|${shown}`, !!ent);
  useDidShow(() => {
    if (!ent) return;
    recent.reload();
    favorites.reload();
    setShown((n) => n + 1);
  });
  if (!page.enterprise) return <PageWithoutEnterprise page={page} testId='kb-home' />;
  return (
    <View className='page' data-testid='kb-home'>
      <KbSearchBox onSearch={(q) => void Taro.navigateTo({ url: KB_ROUTES.search(q) })} />
      {reviews.data?.length ? (
        <Button size='small' type='primary' fill='outline' data-testid='kb-home-reviews' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.reviews })}>
          {`待审核 ${reviews.data.length}`}
        </Button>
      ) : null}
      <StalePages enterpriseId={ent} refreshKey={shown} />
      <Text className='kb-section-title'>空间</Text>
      <LoadState loading={spaces.loading} error={spaces.error} onRetry={spaces.reload} isEmpty={!spaces.data?.length} empty='还没有你可以查看的空间' testId='kb-spaces' />
      <NodeList nodes={spaces.data ?? []} testId='kb-spaces-list' />
      <CreateSpaceForm enterpriseId={ent} onCreated={(id) => void Taro.navigateTo({ url: KB_ROUTES.folder(id) })} />
      {recent.data?.length ? (
        <View data-testid='kb-recent'>
          <Text className='kb-section-title'>最近浏览</Text>
          {recent.data.map((r) => (
            <View key={r.node_id} className='kb-item' role='link' onClick={() => void Taro.navigateTo({ url: nodeRoute(r.kind, r.node_id) })}>
              <Text className='kb-item__title'>{r.title}</Text>
              <Text className='kb-muted'>{r.updated_since_read ? '你上次阅读后有更新' : `${r.last_read_at.slice(0, 10)} 看过`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {favorites.data?.length ? (
        <View>
          <Text className='kb-section-title'>我的收藏</Text>
          <NodeList nodes={favorites.data} testId='kb-favorites' />
        </View>
      ) : null}
    </View>
  );
}
