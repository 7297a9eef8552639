import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { useLoader } from '../../../lib/hooks/use-loader';
import { ChoiceChips } from '../../../ui/choice-chips';
import { FormError } from '../../../ui/form-error';
import { LoadState } from '../../../ui/load-state';
import { TextField } from '../../../ui/text-field';
import { WideButton } from '../../../ui/wide-button';
import { EMPTY_DRAFT, toExtra } from '../lib/compose-extra';
import { plainToDelta } from '../lib/delta';
import { publishPost, sections } from '../services/community.service';
import type { PostType, PublishResult } from '../services/community.types';
import { ComposeExtras } from './compose-extras';
import { ImagePicker } from './image-picker';
import { TYPE_LABELS } from './labels';
import './community.css';

export interface ComposeFormProps {
  enterpriseId: string;
  initialSection?: string;
  channel: string;
  /** moderators may publish announcements */
  canAnnounce?: boolean;
  onDone(result: PublishResult): void;
}

/** 发帖: type, section, title, body and what the type adds. The server's publishing check answers with the words to change. */
export function ComposeForm({ enterpriseId, initialSection = '', channel, canAnnounce = false, onDone }: ComposeFormProps) {
  const secs = useLoader(() => sections(enterpriseId), enterpriseId);
  const [section, setSection] = useState(initialSection);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [type, setType] = useState<PostType>('post');
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [images, setImages] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const action = useAction();

  const titleError = title && (title.trim().length < 2 || title.trim().length > 60) ? '标题须为 2–60 个字' : '';
  const ready = section && title.trim().length >= 2 && !titleError && body.trim().length > 0 && !uploading;

  const submit = () => {
    const extra = toExtra(type, draft);
    if (typeof extra === 'string') return action.setError(extra);
    void action.run(async () => onDone(await publishPost(section, title.trim(), plainToDelta(body), channel, extra, images)));
  };

  if (!secs.data) return <LoadState loading={secs.loading} error={secs.error} onRetry={secs.reload} testId='community-compose-state' />;
  return (
    <View className='card' data-testid='community-compose'>
      <ChoiceChips label='类型' testId='community-compose-type' value={type} onChange={(v) => setType(v as PostType)}
        options={(Object.keys(TYPE_LABELS) as PostType[]).filter((t) => t !== 'announcement' || canAnnounce)
          .map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
      <ChoiceChips label='发布到' testId='community-compose-section' value={section}
        options={secs.data.map((s) => ({ value: s.id, label: s.name }))} onChange={setSection} />
      <TextField label='标题' value={title} onChange={setTitle} testId='community-compose-title' maxLength={60} error={titleError} />
      <View className='field'>
        <Text className='field__label'>正文</Text>
        <Textarea className='community-textarea' maxlength={20000} value={body} placeholder='分享你的经验、问题或想法'
          onInput={(e) => setBody(e.detail.value)} aria-label='正文' data-testid='community-compose-body' />
      </View>
      <ImagePicker enterpriseId={enterpriseId} onChange={setImages} onBusy={setUploading} disabled={action.busy} />
      <ComposeExtras type={type} draft={draft} onChange={setDraft} />
      <Text className='page-subtitle'>发布前会自动检查内容；请勿发布违法违规、广告骚扰或他人隐私信息（《服务协议》4.4）。</Text>
      <FormError message={action.error} testId='community-compose-error' />
      <WideButton busy={action.busy} disabled={!ready || action.busy} onClick={submit} testId='community-compose-submit'>发布</WideButton>
    </View>
  );
}
