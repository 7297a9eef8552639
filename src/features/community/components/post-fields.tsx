import { Text, View } from '@tarojs/components';
import { RichEditor, deltaText, type Delta } from '../../../ui/rich-text';
import { TextField } from '../../../ui/text-field';
import { ImagePicker, type SavedImage } from './image-picker';
import './community.css';

/** What 发帖 and 编辑 both write: the title, the body (a Delta) and the picture paths, in order. */
export interface PostDraft {
  title: string;
  body: Delta;
  images: string[];
}

export const EMPTY_POST: PostDraft = { title: '', body: { ops: [] }, images: [] };

const titleProblem = (title: string) => (title && (title.trim().length < 2 || title.trim().length > 60) ? '标题须为 2–60 个字' : '');

/** Can the draft be sent (the server checks the same, and the words)? */
export const draftReady = (d: PostDraft) => d.title.trim().length >= 2 && !titleProblem(d.title) && deltaText(d.body).trim().length > 0;

export interface PostFieldsProps {
  enterpriseId: string;
  /** the content when the form opens (the editor takes its body once, when it mounts) */
  initial: PostDraft;
  /** the post's pictures when editing: kept unless removed */
  savedImages?: SavedImage[];
  draft: PostDraft;
  /** one field changed (applied to the latest draft: uploads finish while the member types) */
  onChange(change: Partial<PostDraft>): void;
  /** true while a picture uploads */
  onBusy(busy: boolean): void;
  onError(message: string): void;
  disabled: boolean;
}

/**
 * Title, rich-text body and pictures. The body is the shared editor (Quill on H5, loaded when the
 * form opens; the native <editor> in mini-programs) with text formatting only: pictures go in the
 * grid below, which WeChat's media check clears before colleagues see them (docs/api.md › Images).
 */
export function PostFields({ enterpriseId, initial, savedImages, draft, onChange, onBusy, onError, disabled }: PostFieldsProps) {
  return (
    <>
      <TextField label='标题' value={draft.title} onChange={(title) => onChange({ title })} testId='community-compose-title' maxLength={60}
        error={titleProblem(draft.title)} />
      <View className='field'>
        <Text className='field__label'>正文</Text>
        <RichEditor initial={initial.body} onChange={(body) => onChange({ body })} onError={onError}
          placeholder='分享你的经验、问题或想法' testId='community-compose-editor' bodyTestId='community-compose-body' />
      </View>
      <ImagePicker enterpriseId={enterpriseId} saved={savedImages} onChange={(images) => onChange({ images })} onBusy={onBusy} disabled={disabled} />
    </>
  );
}
