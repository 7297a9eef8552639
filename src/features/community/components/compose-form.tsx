import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { useLoader } from '../../../lib/hooks/use-loader';
import { ChoiceChips } from '../../../ui/choice-chips';
import { FormError } from '../../../ui/form-error';
import { LoadState } from '../../../ui/load-state';
import { WideButton } from '../../../ui/wide-button';
import { EMPTY_DRAFT, toExtra } from '../lib/compose-extra';
import { publishPost, sections } from '../services/community.service';
import type { PostType, PublishResult } from '../services/community.types';
import { ComposeExtras } from './compose-extras';
import { TYPE_LABELS } from './labels';
import { draftReady, EMPTY_POST, PostFields, type PostDraft } from './post-fields';
import './community.css';

export interface ComposeFormProps {
  enterpriseId: string;
  initialSection?: string;
  channel: string;
  /** moderators may publish announcements */
  canAnnounce?: boolean;
  onDone(result: PublishResult): void;
}

/**
 * 发帖: type, section, title, rich-text body, pictures and what the type adds. The server's
 * publishing check answers with the words to change. Not in the feature's index: the editor belongs
 * to the community subpackage's compose page, not the 社区 tab in the weapp main package.
 */
export function ComposeForm({ enterpriseId, initialSection = '', channel, canAnnounce = false, onDone }: ComposeFormProps) {
  const secs = useLoader(() => sections(enterpriseId), enterpriseId);
  const [section, setSection] = useState(initialSection);
  const [post, setPost] = useState<PostDraft>(EMPTY_POST);
  const [type, setType] = useState<PostType>('post');
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [uploading, setUploading] = useState(false);
  const action = useAction();

  const ready = section && draftReady(post) && !uploading;

  const submit = () => {
    const extra = toExtra(type, draft);
    if (typeof extra === 'string') return action.setError(extra);
    void action.run(async () => onDone(await publishPost(section, post.title.trim(), post.body, channel, extra, post.images)));
  };

  if (!secs.data) return <LoadState loading={secs.loading} error={secs.error} onRetry={secs.reload} testId='community-compose-state' />;
  return (
    <View className='card' data-testid='community-compose'>
      <ChoiceChips label='类型' testId='community-compose-type' value={type} onChange={(v) => setType(v as PostType)}
        options={(Object.keys(TYPE_LABELS) as PostType[]).filter((t) => t !== 'announcement' || canAnnounce)
          .map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
      <ChoiceChips label='发布到' testId='community-compose-section' value={section}
        options={secs.data.map((s) => ({ value: s.id, label: s.name }))} onChange={setSection} />
      <PostFields enterpriseId={enterpriseId} initial={EMPTY_POST} draft={post} onChange={(change) => setPost((p) => ({ ...p, ...change }))}
        onBusy={setUploading} onError={action.setError} disabled={action.busy} />
      <ComposeExtras type={type} draft={draft} onChange={setDraft} />
      <Text className='page-subtitle'>发布前会自动检查内容；请勿发布违法违规、广告骚扰或他人隐私信息（《服务协议》4.4）。</Text>
      <FormError message={action.error} testId='community-compose-error' />
      <WideButton busy={action.busy} disabled={!ready || action.busy} onClick={submit} testId='community-compose-submit'>发布</WideButton>
    </View>
  );
}
