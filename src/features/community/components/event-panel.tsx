import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { formatShanghai } from '../../../lib/time';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
import { LoadState } from '../../../ui/load-state';
import { TextField } from '../../../ui/text-field';
import { attendees, checkIn, checkinCode, eventDetails, mySignup, signup } from '../services/community.service';
import type { Attendee } from '../services/community.types';

const MY_STATUS: Record<string, string> = { going: '你已报名', waitlist: '你在候补名单中，有人取消时自动递补', cancelled: '你已取消报名' };

export interface EventPanelProps {
  postId: string;
  userId: string;
  readOnly: boolean;
  /** the event's author or a moderator: sees who signed up */
  organiser: boolean;
}

/** An event: time, place, places left; sign up (or join the waiting list) and cancel; the organiser's list. */
export function EventPanel({ postId, userId, readOnly, organiser }: EventPanelProps) {
  const ev = useLoader(() => eventDetails(postId), postId);
  const mine = useLoader(() => mySignup(postId, userId), `${postId}:${userId}`, Boolean(userId));
  const [list, setList] = useState<Attendee[] | null>(null);
  const [code, setCode] = useState('');
  const [shownCode, setShownCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!ev.data) return <LoadState loading={ev.loading} error={ev.error} onRetry={ev.reload} isEmpty={!ev.loading && !ev.error} empty='活动不存在' testId='community-event-state' />;
  const e = ev.data;
  const started = Date.parse(e.starts_at) <= Date.now();
  const status = mine.data?.status ?? null;
  const signedUp = status === 'going' || status === 'waitlist';
  // check-in opens an hour before the start (the server decides; this only shows the field)
  const checkInOpen = status === 'going' && !mine.data?.checked_in_at && Date.parse(e.starts_at) - Date.now() <= 3_600_000;
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const toggle = () => act(async () => {
    const r = await signup(postId, !signedUp);
    mine.setData({ status: r.status, checked_in_at: mine.data?.checked_in_at ?? null });
    ev.setData({ ...e, going_count: r.going_count, waitlist_count: r.waitlist_count });
  });
  return (
    <View className='card' data-testid='community-event'>
      <Text className='section-title'>活动</Text>
      <Text className='community-comment__text'>时间：{formatShanghai(e.starts_at)}{e.ends_at ? ` 至 ${formatShanghai(e.ends_at)}` : ''}</Text>
      <Text className='community-comment__text'>地点：{e.place}</Text>
      <Text className='community-comment__text' data-testid='community-event-count'>
        已报名 {e.going_count}{e.capacity ? ` / ${e.capacity}` : ''} 人{e.waitlist_count > 0 ? `，候补 ${e.waitlist_count} 人` : ''}
      </Text>
      {e.signup_closes_at && <Text className='community-post-card__meta'>报名截止：{formatShanghai(e.signup_closes_at)}</Text>}
      {status && <Text className='community-notice' data-testid='community-event-mine'>{MY_STATUS[status]}</Text>}
      {mine.data?.checked_in_at && <Text className='community-notice' data-testid='community-event-checked-in'>已签到（{formatShanghai(mine.data.checked_in_at)}）</Text>}
      {checkInOpen && (
        <View>
          <TextField label='签到码' value={code} onChange={setCode} type='digit' maxLength={6} testId='community-event-code' placeholder='向活动发起人获取 6 位签到码' />
          <Button type='primary' size='small' disabled={busy || code.trim().length !== 6} data-testid='community-event-check-in'
            onClick={() => void act(async () => mine.setData({ status: 'going', checked_in_at: await checkIn(postId, code.trim()) }))}>
            签到
          </Button>
        </View>
      )}
      {error && <View className='form-error' role='alert'>{error}</View>}
      {!started && (!readOnly || signedUp) && (
        <Button type={signedUp ? 'default' : 'primary'} size='small' disabled={busy} onClick={() => void toggle()} data-testid='community-event-signup'>
          {signedUp ? '取消报名' : e.capacity && e.going_count >= e.capacity ? '加入候补' : '报名'}
        </Button>
      )}
      {organiser && (
        <Button size='small' disabled={busy} onClick={() => void act(async () => setList(await attendees(postId)))} data-testid='community-event-attendees'>
          报名名单
        </Button>
      )}
      {organiser && (
        <Button size='small' disabled={busy} onClick={() => void act(async () => setShownCode(await checkinCode(postId)))} data-testid='community-event-show-code'>
          签到码
        </Button>
      )}
      {shownCode && <Text className='page-title' data-testid='community-event-code-shown'>签到码：{shownCode}</Text>}
      {list && (
        <View data-testid='community-event-list'>
          {list.length === 0 && <Text className='community-post-card__meta'>还没有人报名</Text>}
          {list.map((a, i) => (
            <Text key={i} className='community-comment__text'>{a.name}{a.status === 'waitlist' ? '（候补）' : ''}{a.checked_in_at ? '（已签到）' : ''}</Text>
          ))}
        </View>
      )}
    </View>
  );
}
