import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { FormError } from '../../../ui/form-error';
import { chooseImages } from '../../../platform/choose-images';
import { MAX_POST_IMAGES, newUploadFolder, uploadPostImage } from '../services/community-images.service';
import './community.css';

interface Slot {
  key: string;
  /** the local file (a preview before and after upload) */
  local: string;
  /** set once uploaded */
  path?: string;
  progress: number;
  failed?: boolean;
}

/** A picture already on the post (editing): its path and a link to show it. */
export interface SavedImage {
  path: string;
  url: string;
}

export interface ImagePickerProps {
  enterpriseId: string;
  /** the post's pictures when editing: shown first, kept unless removed */
  saved?: SavedImage[];
  /** called with the uploaded paths, in order, whenever they change */
  onChange(paths: string[]): void;
  /** true while any upload runs (the form waits before publishing) */
  onBusy(busy: boolean): void;
  disabled?: boolean;
}

/** Up to nine pictures for a post: pick, upload with progress, preview, remove (saved ones too, when editing). */
export function ImagePicker({ enterpriseId, saved = [], onChange, onBusy, disabled = false }: ImagePickerProps) {
  const folder = useRef(newUploadFolder());
  const [slots, setSlots] = useState<Slot[]>(() => saved.map((s) => ({ key: s.path, local: s.url, path: s.path, progress: 100 })));
  const [error, setError] = useState('');
  const latest = useRef<Slot[]>(slots);

  const update = (next: Slot[]) => {
    latest.current = next;
    setSlots(next);
    onChange(next.filter((s) => s.path).map((s) => s.path!));
    onBusy(next.some((s) => !s.path && !s.failed));
  };
  const patch = (key: string, change: Partial<Slot>) => update(latest.current.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const pick = async () => {
    setError('');
    const files = await chooseImages('community-image-input', MAX_POST_IMAGES - latest.current.length);
    if (files.length === 0) return;
    const added = files.map((f, i) => ({ key: `${Date.now()}-${i}`, local: f.path, progress: 0, file: f }));
    update([...latest.current, ...added.map(({ file: _f, ...s }) => s)]);
    // one at a time: a mini-program allows ten uploads at once, and progress reads better in order
    for (const a of added) {
      try {
        const path = await uploadPostImage(enterpriseId, folder.current, a.file, (p) => patch(a.key, { progress: p }));
        patch(a.key, { path, progress: 100 });
      } catch (failure) {
        patch(a.key, { failed: true });
        setError(messageOf(failure));
      }
    }
  };

  const remove = (key: string) => update(latest.current.filter((s) => s.key !== key));
  const preview = (local: string) => void Taro.previewImage({ current: local, urls: latest.current.map((s) => s.local) });

  return (
    <View className='field' data-testid='community-image-picker'>
      <Text className='field__label'>图片（最多 {MAX_POST_IMAGES} 张）</Text>
      <View className='community-image-grid'>
        {slots.map((s, i) => (
          <View key={s.key} className='community-image-cell' data-testid='community-image-slot' aria-label={`第 ${i + 1} 张图片`}>
            <Image className='community-image' src={s.local} mode='aspectFill' onClick={() => preview(s.local)} />
            {!s.path && (
              <Text className='community-image-badge' data-testid='community-image-progress'>
                {s.failed ? '上传失败' : `${Math.round(s.progress)}%`}
              </Text>
            )}
            <Text className='community-image-remove' onClick={() => remove(s.key)} aria-label={`移除第 ${i + 1} 张图片`}
              data-testid='community-image-remove'>×</Text>
          </View>
        ))}
        {slots.length < MAX_POST_IMAGES && (
          <Button size='small' disabled={disabled} onClick={() => void pick()} aria-label='添加图片' data-testid='community-image-add'>
            ＋ 图片
          </Button>
        )}
      </View>
      <Text className='page-subtitle'>图片会经过内容安全检查，通过前仅你自己可见（显示“审核中”）。</Text>
      <FormError message={error} testId='community-image-error' />
    </View>
  );
}
