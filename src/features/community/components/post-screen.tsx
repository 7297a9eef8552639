import { View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';
import { acceptAnswer, post as loadPost } from '../services/community.service';
import { AnnouncementPanel } from './announcement-panel';
import { CommentThread } from './comment-thread';
import { EventPanel } from './event-panel';
import { PollPanel } from './poll-panel';
import { PostView } from './post-view';

export interface PostScreenProps {
  postId: string;
  userId: string;
  channel: string;
  readOnly: boolean;
  moderator: boolean;
  canComment: boolean;
  onReport(type: 'post' | 'comment', id: string): void;
  /** the author's 编辑 */
  onEdit?(): void;
}

/** The post page: the post, what its type adds (poll, event, read receipts), then comments or answers. */
export function PostScreen({ postId, userId, channel, readOnly, moderator, canComment, onReport, onEdit }: PostScreenProps) {
  const p = useLoader(() => loadPost(postId), postId);
  const [error, setError] = useState('');
  if (!p.data) {
    return <LoadState loading={p.loading} error={p.error} onRetry={p.reload} isEmpty={!p.loading && !p.error} empty='帖子不存在或已被删除' testId='community-post-state' />;
  }
  const post = p.data;
  const published = post.status === 'published';
  const accept = async (commentId: string) => {
    setError('');
    try {
      await acceptAnswer(post.id, commentId);
      p.setData({ ...post, accepted_comment_id: commentId });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <View>
      <PostView post={post} userId={userId} readOnly={readOnly} onReport={() => onReport('post', post.id)} onEdit={onEdit} />
      {published && post.post_type === 'poll' && <PollPanel postId={post.id} readOnly={readOnly} />}
      {published && post.post_type === 'event' && (
        <EventPanel postId={post.id} userId={userId} readOnly={readOnly} organiser={moderator || post.mine} />
      )}
      {published && post.post_type === 'announcement' && <AnnouncementPanel postId={post.id} readCount={post.read_count} moderator={moderator} />}
      {error && <View className='form-error' role='alert'>{error}</View>}
      <CommentThread postId={post.id} channel={channel} canComment={canComment} onReport={(cid) => onReport('comment', cid)}
        question={post.post_type === 'question'
          ? { acceptedId: post.accepted_comment_id, askerId: post.author_id, canAccept: post.mine && !readOnly, onAccept: (id) => void accept(id) }
          : undefined} />
    </View>
  );
}
