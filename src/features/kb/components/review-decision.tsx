import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { Button } from '../../../ui/button';
import { FormError } from '../../../ui/form-error';
import { useKbMedia } from '../hooks/use-kb-media';
import { kbGovernanceService, type KbGovernanceService } from '../services/kb-governance.service';
import type { KbReviewDraft } from '../services/kb.types';
import { DeltaView } from '../../../ui/rich-text';
import './kb.css';

export interface ReviewDecisionProps {
  draft: KbReviewDraft;
  onDecided(message: string): void;
  service?: Pick<KbGovernanceService, 'decideReview'>;
}

/** One save waiting for review: its content as readers would see it, 通过 (publish) or 驳回 with a reason. */
export function ReviewDecision({ draft, onDecided, service = kbGovernanceService }: ReviewDecisionProps) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const resolveMedia = useKbMedia(draft.delta);
  const decide = (approve: boolean) => {
    if (!approve && !reason.trim()) {
      action.setError('请填写驳回原因');
      return;
    }
    void action.run(() => service.decideReview(draft.id, approve, reason.trim())).then((ok) => {
      if (ok) onDecided(approve ? '已通过，修改已发布' : '已驳回，编辑者会收到原因');
    });
  };
  return (
    <View data-testid='kb-review'>
      <Text className='page-title'>{draft.title}</Text>
      <Text className='kb-muted'>{`待审核的修改 · 基于第 ${draft.base_version} 版 · ${draft.created_at.slice(0, 16).replace('T', ' ')}`}</Text>
      <DeltaView delta={draft.delta} resolveMedia={resolveMedia} />
      {draft.status === 'pending' ? (
        <View>
          <Textarea className='kb-editor' style={{ minHeight: '60px' }} value={reason} maxlength={200} placeholder='驳回原因（驳回时必填）'
            onInput={(e) => setReason(e.detail.value)} aria-label='驳回原因' data-testid='kb-review-reason' />
          <View className='kb-toolbar'>
            <Button type='primary' size='small' disabled={action.busy} data-testid='kb-review-approve' onClick={() => decide(true)}>通过并发布</Button>
            <Button size='small' disabled={action.busy} data-testid='kb-review-reject' onClick={() => decide(false)}>驳回</Button>
          </View>
        </View>
      ) : (
        <Text className='kb-muted' data-testid='kb-review-status'>{draft.status === 'approved' ? '已通过' : `已驳回：${draft.reason}`}</Text>
      )}
      <FormError message={action.error} testId='kb-review-error' />
    </View>
  );
}
