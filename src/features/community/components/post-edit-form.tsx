import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { useLoader } from '../../../lib/hooks/use-loader';
import { FormError } from '../../../ui/form-error';
import { LoadState } from '../../../ui/load-state';
import { WideButton } from '../../../ui/wide-button';
import { imageUrls, postImages } from '../services/community-images.service';
import { editPost, post as loadPost } from '../services/community.service';
import type { Post, PublishResult } from '../services/community.types';
import { editable } from './post-view';
import { draftReady, PostFields, type PostDraft } from './post-fields';
import type { SavedImage } from './image-picker';
import './community.css';

export interface PostEditFormProps {
  postId: string;
  channel: string;
  onDone(result: PublishResult): void;
}

interface Editing {
  post: Post;
  initial: PostDraft;
  saved: SavedImage[];
}

/**
 * The post as the author last saved it, with links to show its pictures (those not refused by
 * WeChat); `editing` null when there is no post the caller may edit now (an answer, not a load).
 */
async function loadEditing(postId: string): Promise<{ editing: Editing | null }> {
  const [p, rows] = await Promise.all([loadPost(postId), postImages(postId)]);
  if (!p || !editable(p)) return { editing: null };
  const urls = await imageUrls(rows.map((r) => r.path));
  // a picture whose link can't be made is still the post's: it stays, shown without a preview
  const saved = rows.map((r, i) => ({ path: r.path, url: urls[i] ?? '' }));
  return { editing: { post: p, initial: { title: p.title, body: p.body, images: saved.map((s) => s.path) }, saved } };
}

/**
 * 编辑: the author changes the title, the body and the pictures (keep, remove, add) of their post.
 * The edit goes through the same publishing check as a new post; new pictures through WeChat's check.
 * A poll's options and an event's details stay as published. Not in the feature's index (the editor
 * belongs to the community subpackage).
 */
export function PostEditForm({ postId, channel, onDone }: PostEditFormProps) {
  const loaded = useLoader(() => loadEditing(postId), postId);
  const [draft, setDraft] = useState<PostDraft | null>(null);
  const [uploading, setUploading] = useState(false);
  const action = useAction();

  const e = loaded.data?.editing;
  if (!e) {
    return <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} isEmpty={Boolean(loaded.data)}
      empty='帖子不存在，或现在不能修改' testId='community-edit-state' />;
  }
  const current = draft ?? e.initial;
  const ready = draftReady(current) && !uploading;
  const submit = () => void action.run(async () => onDone(await editPost(postId, current.title.trim(), current.body, channel, current.images)));
  return (
    <View className='card' data-testid='community-edit'>
      {e.post.status === 'hidden' && <Text className='community-notice'>管理员要求修改该帖：修改后重新发布即恢复显示</Text>}
      <PostFields enterpriseId={e.post.enterprise_id} initial={e.initial} savedImages={e.saved} draft={current}
        onChange={(change) => setDraft((d) => ({ ...(d ?? e.initial), ...change }))} onBusy={setUploading} onError={action.setError} disabled={action.busy} />
      <Text className='page-subtitle'>修改后会重新检查内容；新加的图片通过审核前仅你自己可见。</Text>
      <FormError message={action.error} testId='community-edit-error' />
      <WideButton busy={action.busy} disabled={!ready || action.busy} onClick={submit} testId='community-edit-submit'>保存修改</WideButton>
    </View>
  );
}
