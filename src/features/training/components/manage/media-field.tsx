import { Image, Text, Video, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../../ui/button';
import { FormError } from '../../../../ui/form-error';
import { messageOf } from '../../../../lib/errors/app-error';
import type { ChosenFile } from '../../../../platform/choose-file.types';
import { chooseMediaFile, checkMediaFile, mediaFileName, uploadTrainingMedia, type MediaKind } from '../../services/training-media.service';
import { mediaUrl } from '../../services/training.service';
import '../training.css';

export interface MediaFieldProps {
  label: string;
  kind: MediaKind;
  enterpriseId: string;
  /** the stored object path, or null when there is none yet */
  value: string | null;
  /** a finished upload's object path (and the picked video's length when the picker told it) */
  onChange(path: string, file: ChosenFile): void;
  onClear?(): void;
  testId: string;
}

const PICK_TEXT: Record<MediaKind, string> = { cover: '选择封面图片', video: '选择视频', document: '选择文档', image: '选择图片' };

/**
 * Picks and uploads a course cover or a lesson's video/document with a progress bar and a cancel
 * button, then previews what is stored. A failed or cancelled upload keeps the previous value (and
 * the rest of the form) as it was; the error line says why in Chinese.
 */
export function MediaField({ label, kind, enterpriseId, value, onChange, onClear, testId }: MediaFieldProps) {
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [preview, setPreview] = useState('');
  const cancel = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    setPreview('');
    if (value && kind !== 'document') {
      mediaUrl(value, 600).then((url) => live && setPreview(url), () => live && setPreview(''));
    }
    return () => {
      live = false;
    };
  }, [value, kind]);
  useEffect(() => () => cancel.current?.(), []);

  const pick = async () => {
    setError('');
    const file = await chooseMediaFile(kind, `${testId}-input`);
    if (!file) return;
    const problem = checkMediaFile(file, kind);
    if (problem) return setError(problem);
    setPercent(0);
    try {
      const path = await uploadTrainingMedia(enterpriseId, kind, file, {
        onProgress: setPercent,
        onCancelable: (fn) => (cancel.current = fn),
      });
      onChange(path, file);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      cancel.current = null;
      setPercent(null);
    }
  };

  return (
    <View className='field' data-testid={testId}>
      <Text className='field__label'>{label}</Text>
      {value ? (
        <View className='tr-media__current' data-testid={`${testId}-current`}>
          {kind === 'cover' && preview && <Image className='tr-media__image' src={preview} mode='aspectFill' aria-label='封面预览' data-testid={`${testId}-preview`} />}
          {kind === 'video' && preview && <Video className='tr-media__video' src={preview} controls aria-label='视频预览' data-testid={`${testId}-preview`} />}
          <Text className='tr-card__meta'>{mediaFileName(value)}</Text>
        </View>
      ) : (
        <Text className='tr-card__meta'>尚未上传</Text>
      )}
      {percent !== null ? (
        <View className='tr-media__progress' data-testid={`${testId}-progress`}>
          <View className='tr-media__track' role='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label='上传进度'>
            <View className='tr-media__bar' style={{ width: `${percent}%` }} />
          </View>
          <Text className='tr-card__meta'>{`上传中 ${percent}%`}</Text>
          <Button size='mini' data-testid={`${testId}-cancel`} onClick={() => cancel.current?.()}>
            取消上传
          </Button>
        </View>
      ) : (
        <View className='tr-manage__bar'>
          <Button size='small' data-testid={`${testId}-pick`} onClick={() => void pick()}>
            {value ? '重新上传' : PICK_TEXT[kind]}
          </Button>
          {value && onClear && (
            <Button size='small' data-testid={`${testId}-clear`} onClick={onClear}>
              移除
            </Button>
          )}
        </View>
      )}
      <FormError message={error} testId={`${testId}-error`} />
    </View>
  );
}
