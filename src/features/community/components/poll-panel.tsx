import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { formatShanghai } from '../../../lib/time';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { LoadState } from '../../../ui/load-state';
import { poll as loadPoll, vote } from '../services/community.service';

const WHEN_SHOWN: Record<string, string> = { always: '结果随时可见', after_vote: '投票后可见结果', after_close: '截止后公布结果' };

export interface PollPanelProps {
  postId: string;
  readOnly: boolean;
}

/** A poll: choose (one or several), vote or change the vote until the deadline; results when they show. */
export function PollPanel({ postId, readOnly }: PollPanelProps) {
  const p = useLoader(() => loadPoll(postId), postId);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!p.data) return <LoadState loading={p.loading} error={p.error} onRetry={p.reload} testId='community-poll-state' />;
  const poll = p.data;
  const chosen = picked ?? poll.my_choices.map(String);
  const single = poll.max_choices === 1;
  const toggle = (v: string) => setPicked(single ? [v] : chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v]);
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      p.setData(await vote(postId, chosen.map(Number)));
      setPicked(null);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const open = !poll.closed && !readOnly;
  return (
    <View className='card' data-testid='community-poll'>
      <Text className='section-title'>投票{single ? '（单选）' : `（最多选 ${poll.max_choices} 项）`}</Text>
      <Text className='community-post-card__meta'>
        {poll.anonymous ? '匿名' : '实名'} · {WHEN_SHOWN[poll.show_results]} · {poll.closed ? '已截止' : `${formatShanghai(poll.closes_at)} 截止`} · {poll.voter_count} 人已投
      </Text>
      {open && (
        <ChoiceChips label='选项' testId='community-poll-options' value={single ? (chosen[0] ?? '') : chosen} onChange={toggle}
          options={poll.options.map((o) => ({ value: String(o.index), label: o.label }))} />
      )}
      {poll.results_visible && (
        <View data-testid='community-poll-results'>
          {poll.options.map((o) => (
            <View key={o.index} className='community-poll-row' data-testid='community-poll-result'>
              <Text>{o.label}：{o.votes ?? 0} 票{poll.voter_count > 0 ? `（${Math.round(((o.votes ?? 0) * 100) / poll.voter_count)}%）` : ''}</Text>
              {o.voters && o.voters.length > 0 && <Text className='community-post-card__meta'>{o.voters.join('、')}</Text>}
            </View>
          ))}
        </View>
      )}
      {!poll.results_visible && <Text className='community-post-card__meta'>{WHEN_SHOWN[poll.show_results]}</Text>}
      {error && <View className='form-error' role='alert'>{error}</View>}
      {open && (
        <Button type='primary' size='small' disabled={busy || chosen.length === 0} onClick={() => void submit()} data-testid='community-poll-vote'>
          {poll.my_choices.length > 0 ? '修改投票' : '投票'}
        </Button>
      )}
    </View>
  );
}
