import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { Button } from '../../../ui/button';
import { FormError } from '../../../ui/form-error';
import { useLoader } from '../hooks/use-kb-loader';
import { KB_ROUTES } from '../routes';
import { kbGovernanceService, type KbGovernanceService } from '../services/kb-governance.service';
import './kb.css';

const REVIEW_STATUS = { pending: '你的修改正在等待管理者审核', approved: '你的修改已通过审核', rejected: '你的修改未通过审核' } as const;

export interface GovernancePanelProps {
  nodeId: string;
  /** a new value (the page read again: back from the editor, a save) makes the panel read again */
  refresh: unknown;
  service?: Pick<KbGovernanceService, 'pageGovernance' | 'setReviewDate' | 'markReviewed'>;
}

/**
 * Under a page: its owner (「前成员」 once they left), the review date with 已复查 for the owner and
 * managers, the editor's own save waiting for review (or why it was rejected), and for managers
 * the number of saves waiting (a link to 待审核).
 */
export function GovernancePanel({ nodeId, refresh, service = kbGovernanceService }: GovernancePanelProps) {
  const [reads, setReads] = useState(0);
  useEffect(() => setReads((n) => n + 1), [refresh]);
  const gov = useLoader(() => service.pageGovernance(nodeId), `${nodeId}|${reads}`, !!nodeId && reads > 0);
  const action = useAction();
  const g = gov.data;
  if (!g) return null;
  const change = (work: () => Promise<unknown>, done: string) =>
    void action.run(work).then((ok) => {
      if (!ok) return;
      void Taro.showToast({ title: done, icon: 'none' });
      gov.reload();
    });
  return (
    <View className='kb-item' data-testid='kb-governance'>
      <Text className='kb-muted' data-testid='kb-owner'>{`负责人：${g.owner_name}`}</Text>
      <Text className='kb-muted' data-testid='kb-review-due'>
        {g.review_due ? `复查日期：${g.review_due}${g.stale ? '（已到期，待复查）' : ''}` : '未设置复查日期'}
      </Text>
      {g.can_review_date ? (
        <View className='kb-toolbar'>
          <Picker mode='date' value={g.review_due ?? ''} start={new Date().toISOString().slice(0, 10)}
            onChange={(e) => change(() => service.setReviewDate(nodeId, String(e.detail.value)), '已设置复查日期')}>
            <Button size='small' disabled={action.busy} data-testid='kb-set-review-date'>设置复查日期</Button>
          </Picker>
          {g.review_due ? (
            <Button size='small' type='primary' disabled={action.busy} data-testid='kb-mark-reviewed'
              onClick={() => change(() => service.markReviewed(nodeId), '已复查，90 天后再次提醒')}>已复查</Button>
          ) : null}
        </View>
      ) : null}
      {g.my_review && g.my_review.status !== 'approved' ? (
        <Text className='kb-muted' role='status' data-testid='kb-my-review'>
          {REVIEW_STATUS[g.my_review.status] + (g.my_review.status === 'rejected' && g.my_review.reason ? `：${g.my_review.reason}` : '')}
        </Text>
      ) : null}
      {g.can_manage && g.pending_count > 0 ? (
        <Button size='small' fill='none' data-testid='kb-page-pending' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.reviews })}>
          {`${g.pending_count} 个修改待审核`}
        </Button>
      ) : null}
      <FormError message={action.error} />
    </View>
  );
}
