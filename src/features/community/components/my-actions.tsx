import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
import { LoadState } from '../../../ui/load-state';
import { appeal, myActions } from '../services/community.service';
import type { ActionRecord } from '../services/community.types';
import { ACTION_LABELS, APPEAL_LABELS } from './labels';
import './community.css';

function Record({ record, onDone }: { record: ActionRecord; onDone(): void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const appealable = !['dismiss', 'escalate'].includes(record.action) && !record.appeal_status;
  const send = async () => {
    setError('');
    try {
      await appeal(record.id, text.trim());
      onDone();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <View className='card' data-testid='community-record'>
      <Text className='community-post-card__title'>{ACTION_LABELS[record.action]}{record.days ? `（${record.days} 天）` : ''}</Text>
      <Text className='community-post-card__meta'>依据：《服务协议》{record.clause || '—'} · {record.created_at.slice(0, 10)}</Text>
      <Text className='community-post-card__excerpt'>{record.reason}</Text>
      {record.appeal_status && <Text className='community-notice'>{APPEAL_LABELS[record.appeal_status]}{record.appeal_note ? `：${record.appeal_note}` : ''}</Text>}
      {appealable && !open && <Button size='small' onClick={() => setOpen(true)} data-testid='community-record-appeal'>申诉（仅一次）</Button>}
      {open && (
        <View>
          <Textarea className='community-textarea' maxlength={1000} value={text} onInput={(e) => setText(e.detail.value)} aria-label='申诉理由' data-testid='community-record-appeal-text' />
          {error && <View className='form-error' role='alert'>{error}</View>}
          <Button size='small' type='primary' disabled={text.trim().length < 5} onClick={() => void send()} data-testid='community-record-appeal-send'>提交申诉</Button>
        </View>
      )}
    </View>
  );
}

/** 我的社区处理记录: actions about me, with the one appeal each allows. */
export function MyActions({ enterpriseId, userId }: { enterpriseId: string; userId: string }) {
  const list = useLoader(() => myActions(enterpriseId, userId), `${enterpriseId}:${userId}`);
  return (
    <View data-testid='community-records'>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={list.data?.length === 0} empty='没有处理记录' testId='community-records-state' />
      {(list.data ?? []).map((r) => <Record key={r.id} record={r} onDone={list.reload} />)}
    </View>
  );
}
