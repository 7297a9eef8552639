import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { markRead, readReceipts } from '../services/community.service';
import type { ReadReceipts } from '../services/community.types';

export interface AnnouncementPanelProps {
  postId: string;
  readCount: number;
  moderator: boolean;
}

/** An announcement: opening it counts as read (已读); moderators see who has and hasn't read it. */
export function AnnouncementPanel({ postId, readCount, moderator }: AnnouncementPanelProps) {
  const [count, setCount] = useState(readCount);
  const [receipts, setReceipts] = useState<ReadReceipts | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    markRead(postId).then(setCount, () => undefined); // a failed receipt must not hide the announcement
  }, [postId]);
  const load = async () => {
    setError('');
    try {
      setReceipts(await readReceipts(postId));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <View className='card' data-testid='community-announcement'>
      <Text className='community-post-card__meta' data-testid='community-read-count'>{count} 人已读</Text>
      {moderator && <Button size='small' onClick={() => void load()} data-testid='community-receipts'>已读情况</Button>}
      {error && <View className='form-error' role='alert'>{error}</View>}
      {receipts && (
        <View data-testid='community-receipts-detail'>
          {receipts.required
            ? <Text className='community-comment__text'>必读：{receipts.required_read} / {receipts.required_count} 人已读</Text>
            : <Text className='community-comment__text'>非必读公告，共 {receipts.read_count} 人已读</Text>}
          {receipts.unread.length > 0 && <Text className='community-post-card__meta'>未读：{receipts.unread.join('、')}</Text>}
        </View>
      )}
    </View>
  );
}
