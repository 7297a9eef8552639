import Taro from '@tarojs/taro';
import { KbRoutePage } from '../../../features/kb';
import { ReviewDecision, kbGovernanceService } from '../../../features/kb/governance';

/** One save waiting for review: read it, approve or reject with a reason. */
export default function KbReviewPage() {
  return (
    <KbRoutePage param='review' load={kbGovernanceService.reviewDraft} testId='kb-review-state' empty='找不到该审核，或它已不需要你处理'>
      {(draft, loaded) => (
        <ReviewDecision draft={draft} onDecided={(message) => {
          void Taro.showToast({ title: message, icon: 'none' });
          loaded.reload();
        }} />
      )}
    </KbRoutePage>
  );
}
