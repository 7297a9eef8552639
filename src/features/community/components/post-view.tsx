import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
// the renderer only: this file is in the weapp main package (the 社区 tab), the editor must not be
import { DeltaView } from '../../../ui/rich-text/delta-view';
import { myReactions, setFavorite, setLike } from '../services/community.service';
import type { Post } from '../services/community.types';
import { TYPE_LABELS } from './labels';
import { ImageGrid } from './image-grid';
import './community.css';

const HIDDEN_TEXT: Record<string, string> = {
  reports: '该帖被多位同事举报，已暂时隐藏，等待管理员审核',
  moderation: '该帖已被管理员屏蔽，可在“我的处理记录”中申诉',
  edit_required: '管理员要求修改该帖，修改并重新发布后恢复显示',
  author_left: '作者已离开企业，该帖按企业规则隐藏',
};

export interface PostViewProps {
  post: Post;
  userId: string;
  readOnly: boolean;
  onReport(): void;
  /** the author's 编辑 (shown while the post may be edited: published, held, or hidden for an edit) */
  onEdit?(): void;
}

// A post body is text and formatting: its pictures are the grid below (checked by WeChat first), so
// the renderer loads no media the body might name.
const NO_MEDIA = () => undefined;

/** May the author edit the post now (the server's rule in private.community_edit_post)? */
export const editable = (post: Post) =>
  post.mine && (post.status === 'published' || post.status === 'held' || (post.status === 'hidden' && post.hidden_reason === 'edit_required'));

/** The post: title, author, body (from its Delta), like / favourite / report. */
export function PostView({ post, userId, readOnly, onReport, onEdit }: PostViewProps) {
  const postId = post.id;
  const mine = useLoader(() => myReactions(postId, userId), `${postId}:${userId}`, Boolean(userId));
  const [likes, setLikes] = useState<number | null>(null);
  const [error, setError] = useState('');

  const toggle = async (kind: 'like' | 'favorite') => {
    setError('');
    try {
      const on = kind === 'like' ? !mine.data?.liked : !mine.data?.favorite;
      const count = kind === 'like' ? await setLike(post.id, on) : await setFavorite(post.id, on);
      if (kind === 'like') setLikes(count);
      mine.setData({ liked: kind === 'like' ? on : Boolean(mine.data?.liked), favorite: kind === 'favorite' ? on : Boolean(mine.data?.favorite) });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <View className='card' data-testid='community-post'>
      <Text className='page-title' data-testid='community-post-title'>
        {post.post_type !== 'post' && <Text className='community-badge community-badge--type' data-testid='community-post-type'>{TYPE_LABELS[post.post_type]}</Text>}
        {post.title}
      </Text>
      <Text className='community-post-card__meta' data-testid='community-post-author'>{post.author_name} · {post.created_at.slice(0, 16).replace('T', ' ')}</Text>
      {post.anonymous && post.mine && (
        <Text className='community-notice' data-testid='community-post-anonymous-mine'>你匿名提问：其他同事看不到你的名字；管理员可以查看提问人，用于处理违规内容。</Text>
      )}
      {post.status === 'held' && <Text className='community-notice'>内容正在审核，通过后对其他同事可见</Text>}
      {post.status === 'hidden' && <Text className='community-notice' data-testid='community-post-hidden'>{HIDDEN_TEXT[post.hidden_reason ?? ''] ?? '该帖已隐藏'}</Text>}
      <DeltaView delta={post.body} resolveMedia={NO_MEDIA} testId='post-body' emptyText='' />
      <ImageGrid postId={post.id} />
      {error && <View className='form-error' role='alert'>{error}</View>}
      <View className='community-actions'>
        <Button size='small' disabled={readOnly || post.status !== 'published'} onClick={() => void toggle('like')} data-testid='community-like'>
          {mine.data?.liked ? '已赞' : '点赞'} {likes ?? post.like_count}
        </Button>
        <Button size='small' disabled={readOnly || post.status !== 'published'} onClick={() => void toggle('favorite')} data-testid='community-favorite'>
          {mine.data?.favorite ? '已收藏' : '收藏'}
        </Button>
        {onEdit && !readOnly && editable(post) && (
          <Button size='small' onClick={onEdit} data-testid='community-edit-post'>编辑</Button>
        )}
        {!post.mine && post.status === 'published' && (
          <Button size='small' onClick={onReport} data-testid='community-report-post'>举报</Button>
        )}
      </View>
    </View>
  );
}
