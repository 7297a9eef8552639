import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../ui/load-state';
import { useLoader } from '../../../features/kb';
import { ReviewDecision, kbGovernanceService } from '../../../features/kb/governance';

/** One save waiting for review: read it, approve or reject with a reason. */
export default function KbReviewPage() {
  const id = useRouter().params?.review ?? '';
  const draft = useLoader(() => kbGovernanceService.reviewDraft(id), id, !!id);
  return (
    <View className='page'>
      {draft.data ? (
        <ReviewDecision draft={draft.data} onDecided={(message) => {
          void Taro.showToast({ title: message, icon: 'none' });
          draft.reload();
        }} />
      ) : <LoadState loading={draft.loading} error={draft.error} onRetry={draft.reload} isEmpty={draft.data === null} empty='找不到该审核，或它已不需要你处理' testId='kb-review-state' />}
    </View>
  );
}
