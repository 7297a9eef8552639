import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useLoader } from '../../../lib/hooks/use-loader';
import { ChoiceChips } from '../../../ui/choice-chips';
import { LoadState } from '../../../ui/load-state';
import { excerpt } from '../lib/delta';
import { feed, sections } from '../services/community.service';
import type { FeedPost } from '../services/community.types';
import { TYPE_LABELS } from './labels';
import './community.css';

const STATUS_BADGE: Record<string, string> = { held: '待审核', hidden: '已屏蔽' };
const when = (iso: string) => iso.slice(5, 16).replace('T', ' ');

export interface FeedViewProps {
  enterpriseId: string;
  onOpen(post: FeedPost): void;
  /** the section chosen (null: all), for the compose button */
  onSection?(sectionId: string | null): void;
}

/** Sections as chips, then the latest posts of the chosen one (pinned first). */
export function FeedView({ enterpriseId, onOpen, onSection }: FeedViewProps) {
  const [section, setSection] = useState<string>('');
  const secs = useLoader(() => sections(enterpriseId), enterpriseId);
  const posts = useLoader(() => feed(enterpriseId, section || null), `${enterpriseId}:${section}`);
  const pick = (v: string) => {
    const next = v === section ? '' : v;
    setSection(next);
    onSection?.(next || null);
  };
  return (
    <View data-testid='community-feed'>
      {secs.data && secs.data.length > 0 && (
        <ChoiceChips label='版块' testId='community-sections' value={section}
          options={[{ value: '', label: '全部' }, ...secs.data.map((s) => ({ value: s.id, label: s.name }))]} onChange={pick} />
      )}
      <LoadState loading={posts.loading} error={posts.error} onRetry={posts.reload} isEmpty={posts.data?.length === 0}
        empty='这里还没有帖子，来发第一帖吧' testId='community-feed-state' />
      {(posts.data ?? []).map((p) => (
        <View key={p.id} className='card community-post-card' role='link' data-testid='community-post-card' onClick={() => onOpen(p)}>
          <Text className='community-post-card__title'>
            {p.pinned_at && <Text className='community-badge'>置顶</Text>}
            {p.post_type !== 'post' && <Text className='community-badge community-badge--type'>{TYPE_LABELS[p.post_type]}</Text>}
            {p.accepted_comment_id && <Text className='community-badge community-badge--ok'>已解决</Text>}
            {p.featured_at && <Text className='community-badge'>精华</Text>}
            {STATUS_BADGE[p.status] && <Text className='community-badge community-badge--warn'>{STATUS_BADGE[p.status]}</Text>}
            {p.title}
          </Text>
          <Text className='community-post-card__excerpt'>{excerpt(p.body_text)}</Text>
          <Text className='community-post-card__meta'>
            {p.author_name} · {when(p.created_at)} · 赞 {p.like_count} · {p.post_type === 'question' ? '回答' : '评论'} {p.comment_count}
            {p.post_type === 'announcement' ? ` · ${p.read_count} 人已读` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
