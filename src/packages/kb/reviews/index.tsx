import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PageWithoutEnterprise } from '../../../ui/load-state';
import { useKbEnterprise } from '../../../features/kb';
import { ReviewList } from '../../../features/kb/governance';

/** 待审核: saves waiting for the member's approval (they manage the pages). */
export default function KbReviewsPage() {
  const page = useKbEnterprise();
  // back from a decision: read the list again
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  if (!page.enterprise) return <PageWithoutEnterprise page={page} testId='kb-reviews-page' />;
  return (
    <View className='page' data-testid='kb-reviews-page'>
      <ReviewList enterpriseId={page.enterprise.id} refreshKey={shown} />
    </View>
  );
}
