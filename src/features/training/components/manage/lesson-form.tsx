import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../../ui/button';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { FormError } from '../../../../ui/form-error';
import { TextField } from '../../../../ui/text-field';
import { RichEditor, deltaText, textToDelta, type Delta } from '../../../../ui/rich-text';
import { AppError } from '../../../../lib/errors/app-error';
import { useAction } from '../../hooks/use-action';
import { saveLesson, type LessonDraft } from '../../services/training-manage.service';
import { checkMediaFile, chooseMediaFile, uploadTrainingMedia } from '../../services/training-media.service';
import { lessonImageRef, lessonImageUrl } from '../../services/training.service';
import type { LessonKind, ManagedLesson } from '../../services/training-manage.types';
import { LESSON_KIND_LABELS, options } from './labels';
import { MediaField } from './media-field';
import '../training.css';

export interface LessonFormProps {
  chapterId: string;
  /** the course's enterprise: uploaded files live under `<enterprise_id>/` in the training bucket */
  enterpriseId: string;
  lesson: ManagedLesson | null;
  onSaved(): void;
  onCancel(): void;
  /** the picker, the upload and the signed link of the lesson's images (the real ones unless a test passes its own) */
  media?: LessonImageMedia;
}

export interface LessonImageMedia {
  choose: typeof chooseMediaFile;
  upload: typeof uploadTrainingMedia;
  sign(ref: string): Promise<string>;
}

const LESSON_IMAGE_MEDIA: LessonImageMedia = { choose: chooseMediaFile, upload: uploadTrainingMedia, sign: lessonImageUrl };

/**
 * A lesson: text (stored as a Quill Delta, paragraphs kept, with images uploaded into the
 * enterprise's `images/` folder of the training bucket and stored as `training/<object>`), or a
 * video/document uploaded here to the training bucket (its object path; a video's length, filled
 * from the picked file when the picker knows it, lets the server check watching time).
 */
export function LessonForm({ chapterId, enterpriseId, lesson, onSaved, onCancel, media = LESSON_IMAGE_MEDIA }: LessonFormProps) {
  const [title, setTitle] = useState(lesson?.title ?? '');
  const [kind, setKind] = useState<LessonKind>(lesson?.kind ?? 'text');
  // the shared rich-text editor opens the stored Delta (older lessons: their plain text)
  const [delta, setDelta] = useState<Delta>(() => (lesson?.body_delta?.ops ? (lesson.body_delta as Delta) : textToDelta(lesson?.body_text ?? '')));
  const [video, setVideo] = useState(lesson?.video_path ?? null);
  const [document, setDocument] = useState(lesson?.document_path ?? null);
  const [minutes, setMinutes] = useState(lesson?.video_seconds ? String(Math.ceil(lesson.video_seconds / 60)) : '');
  const [points, setPoints] = useState(String(lesson?.points ?? 1));
  const [imageProgress, setImageProgress] = useState<number | null>(null);
  const action = useAction();
  // the editor's image button: pick → check (before any byte is sent) → upload with progress → the reference to store
  const uploadImage = async () => {
    action.setError('');
    const file = await media.choose('image', 'lesson-image-input');
    if (!file) return null;
    const problem = checkMediaFile(file, 'image');
    if (problem) throw new AppError('file_type_invalid', problem);
    setImageProgress(0);
    try {
      return lessonImageRef(await media.upload(enterpriseId, 'image', file, { onProgress: setImageProgress }));
    } finally {
      setImageProgress(null);
    }
  };
  const save = async () => {
    const draft: LessonDraft = {
      title, kind, text: deltaText(delta), delta, points: Number(points) || 0,
      video_path: video, video_seconds: minutes ? Math.round(Number(minutes) * 60) || null : null, document_path: document,
    };
    const id = await action.run(() => saveLesson(chapterId, lesson?.id ?? null, draft));
    if (id) onSaved();
  };
  return (
    <View className='tr-card' data-testid='lesson-form'>
      <TextField label='课时名称' value={title} onChange={setTitle} testId='lesson-title' maxLength={80} />
      <ChoiceChips label='类型' options={options(LESSON_KIND_LABELS)} value={kind} onChange={(v) => setKind(v as LessonKind)} testId='lesson-kind' />
      {kind === 'text' ? (
        <View className='field'>
          <Text className='field__label'>正文</Text>
          <RichEditor initial={delta} onChange={setDelta} uploadImage={uploadImage} resolveMedia={(ref) => media.sign(ref)} onError={action.setError}
            placeholder='课时正文' testId='lesson-editor' bodyTestId='lesson-text' />
          {imageProgress !== null ? <Text className='tr-card__meta' data-testid='lesson-image-progress'>{`图片上传中 ${Math.round(imageProgress)}%`}</Text> : null}
        </View>
      ) : (
        <>
          {kind === 'video' ? (
            <MediaField label='视频' kind='video' enterpriseId={enterpriseId} value={video} testId='lesson-video'
              onChange={(path, file) => {
                setVideo(path);
                if (file.duration) setMinutes(String(Math.max(1, Math.round(file.duration / 6) / 10)));
              }} />
          ) : (
            <MediaField label='文档' kind='document' enterpriseId={enterpriseId} value={document} onChange={(path) => setDocument(path)} testId='lesson-document' />
          )}
          {kind === 'video' && <TextField label='视频时长（分钟）' value={minutes} onChange={setMinutes} type='digit' testId='lesson-minutes' maxLength={5} />}
        </>
      )}
      <TextField label='学完积分' value={points} onChange={setPoints} type='number' testId='lesson-points' maxLength={3} />
      <FormError message={action.error} testId='lesson-form-error' />
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' loading={action.busy} disabled={action.busy || imageProgress !== null} data-testid='lesson-save' onClick={() => void save()}>
          保存课时
        </Button>
        <Button size='small' data-testid='lesson-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
