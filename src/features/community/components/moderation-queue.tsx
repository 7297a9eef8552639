import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { FormError } from '../../../ui/form-error';
import { LoadState } from '../../../ui/load-state';
import { TextField } from '../../../ui/text-field';
import { decideAppeal, escalatedCases, moderate, pendingAppeals, queue } from '../services/community.service';
import type { ActionRecord, ModerationAction, QueueItem } from '../services/community.types';
import { ImageGrid } from './image-grid';
import { ACTION_LABELS } from './labels';
import './community.css';

const ACTIONS: ModerationAction[] = ['hide', 'delete', 'require_edit', 'dismiss', 'warn', 'restrict', 'suspend', 'escalate'];
// Escalated cases: operators act on them; handing them on again makes no sense.
const OPERATOR_ACTIONS = ACTIONS.filter((a) => a !== 'escalate');

function CaseCard({ item, operator, onDone }: { item: QueueItem; operator: boolean; onDone(): void }) {
  const [action, setAction] = useState<ModerationAction>('hide');
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('7');
  const run = useAction();
  const needsDays = action === 'restrict' || action === 'suspend';
  const act = () => void run.run(async () => {
    await moderate(item.id, action, reason.trim(), needsDays ? Number(days) : null);
    onDone();
  });
  return (
    <View className='card' data-testid='community-case'>
      <Text className='community-post-card__title'>
        {item.hid_item && <Text className='community-badge community-badge--warn'>已暂时隐藏</Text>}
        {item.source === 'publish_check'
          ? <Text className='community-badge'>{item.check_label.startsWith('image:') ? '图片待审' : '发布检查待审'}</Text> : <Text className='community-badge'>举报 {item.report_count} 次 · 分值 {item.score}</Text>}
        {item.title || '评论'}
      </Text>
      <Text className='community-post-card__excerpt'>{item.excerpt}</Text>
      {item.target_type === 'post' && <ImageGrid postId={item.post_id} />}
      <Text className='community-post-card__meta'>作者：{item.author_name ?? '已注销'}{operator ? ` · 企业 ${item.enterprise_id}` : ''}</Text>
      {(item.categories ?? []).map((c) => (
        <Text key={c.category} className='community-post-card__meta'>{c.label}（{c.clause}）× {c.count}</Text>
      ))}
      {(item.notes ?? []).map((n, i) => <Text key={i} className='community-comment__quote'>{n}</Text>)}
      <ChoiceChips label='处理方式' testId='community-case-action' value={action}
        options={(operator ? OPERATOR_ACTIONS : ACTIONS).map((a) => ({ value: a, label: ACTION_LABELS[a] }))} onChange={(v) => setAction(v as ModerationAction)} />
      {needsDays && <TextField label='天数' type='number' value={days} onChange={setDays} testId='community-case-days' maxLength={3} />}
      <TextField label='理由' value={reason} onChange={setReason} testId='community-case-reason' maxLength={500} placeholder='会连同条款发送给作者' />
      <FormError message={run.error} />
      <Button type='primary' size='small' disabled={run.busy || reason.trim().length < 2} onClick={act} data-testid='community-case-submit'>
        确认处理
      </Button>
    </View>
  );
}

function AppealCard({ record, onDone }: { record: ActionRecord; onDone(): void }) {
  const [note, setNote] = useState('');
  const run = useAction();
  const decide = (uphold: boolean) => void run.run(async () => {
    await decideAppeal(record.id, uphold, note.trim());
    onDone();
  });
  return (
    <View className='card' data-testid='community-appeal'>
      <Text className='community-post-card__title'>申诉：{ACTION_LABELS[record.action]}（{record.clause}）</Text>
      <Text className='community-post-card__meta'>原理由：{record.reason}</Text>
      <Text className='community-comment__quote'>{record.appeal_text}</Text>
      <Textarea className='community-textarea' maxlength={500} value={note} onInput={(e) => setNote(e.detail.value)} aria-label='决定理由' data-testid='community-appeal-note' />
      <FormError message={run.error} />
      <View className='community-actions'>
        <Button size='small' type='primary' disabled={run.busy || note.trim().length < 2} onClick={() => decide(false)} data-testid='community-appeal-overturn'>撤销原处理</Button>
        <Button size='small' disabled={run.busy || note.trim().length < 2} onClick={() => decide(true)} data-testid='community-appeal-uphold'>维持原处理</Button>
      </View>
    </View>
  );
}

/** The enterprise's moderation queue and its pending appeals (admins and community managers). */
export function ModerationQueue({ enterpriseId }: { enterpriseId: string }) {
  const cases = useLoader(() => queue(enterpriseId), `q:${enterpriseId}`);
  const appeals = useLoader(() => pendingAppeals(enterpriseId), `a:${enterpriseId}`);
  return (
    <View data-testid='community-moderation'>
      <Text className='section-title'>待处理</Text>
      <LoadState loading={cases.loading} error={cases.error} onRetry={cases.reload} isEmpty={cases.data?.length === 0} empty='暂无待处理的内容' testId='community-queue-state' />
      {(cases.data ?? []).map((c) => <CaseCard key={c.id} item={c} operator={false} onDone={cases.reload} />)}
      <Text className='section-title'>待处理的申诉</Text>
      <LoadState loading={appeals.loading} error={appeals.error} onRetry={appeals.reload} isEmpty={appeals.data?.length === 0} empty='暂无申诉' testId='community-appeals-state' />
      {(appeals.data ?? []).map((a) => <AppealCard key={a.id} record={a} onDone={appeals.reload} />)}
    </View>
  );
}

/** Platform operators: the cases enterprises escalated (LX 5.1.5), across enterprises. */
export function EscalationQueue() {
  const cases = useLoader(() => escalatedCases(), 'escalated');
  return (
    <View data-testid='community-escalations'>
      <Text className='section-title'>平台待处理（企业提交）</Text>
      <LoadState loading={cases.loading} error={cases.error} onRetry={cases.reload} isEmpty={cases.data?.length === 0}
        empty='暂无企业提交的事项' testId='community-escalations-state' />
      {(cases.data ?? []).map((c) => <CaseCard key={c.id} item={c} operator onDone={cases.reload} />)}
    </View>
  );
}
