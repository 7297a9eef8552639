// weapp / qywx: the mini-program's native <editor> (Quill inside, the same Delta model; it costs
// the package nothing) with a toolbar of buttons calling its context. Quill never enters these builds.
import { Editor, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { cleanDelta, FORMAT_TOOLS, isActive, MediaMap, nextValue, signMedia, type Formats } from './toolbar';
import type { Delta } from './delta';
import type { RichEditorProps } from './rich-editor.types';
import './rich-text.css';

interface EditorContext {
  format(name: string, value?: string | number | boolean): void;
  setContents(o: { delta: Delta; fail?: () => void }): void;
  insertImage(o: { src: string; alt?: string; success?: () => void; fail?: () => void }): void;
}

const WEAPP_TOOLS = FORMAT_TOOLS.filter((t) => !t.h5Only);
let seq = 0;

export function RichEditor({ initial, onChange, uploadImage, resolveMedia, onError, placeholder = '开始输入正文…', testId = 'rich-editor' }: RichEditorProps) {
  const [id] = useState(() => `rt-editor-${++seq}`);
  const ctx = useRef<EditorContext | null>(null);
  const media = useRef(new MediaMap());
  const [formats, setFormats] = useState<Formats>({});
  const [uploading, setUploading] = useState(false);
  const signed = useRef<Promise<void> | null>(null);

  useEffect(() => {
    signed.current = signMedia(initial, media.current, resolveMedia);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the content of this mount
  }, []);

  const onReady = () => {
    Taro.createSelectorQuery().select(`#${id}`).context((res) => {
      const context = (res as { context?: EditorContext } | null)?.context;
      if (!context) return;
      ctx.current = context;
      void (signed.current ?? Promise.resolve()).then(() => context.setContents({ delta: media.current.display(initial) }));
    }).exec();
  };

  const insertImage = async () => {
    if (!uploadImage) return;
    setUploading(true);
    try {
      const ref = await uploadImage();
      if (!ref) return;
      const url = (await resolveMedia?.(ref)) ?? ref;
      media.current.add(ref, url);
      ctx.current?.insertImage({ src: url, alt: '图片' });
    } catch (e) {
      onError?.(e instanceof Error ? e.message : String(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <View className='rt-editor' data-testid={testId}>
      <View className='rt-toolbar' role='toolbar' aria-label='格式'>
        {WEAPP_TOOLS.map((tool) => (
          <Text key={tool.id} className={`rt-tool${isActive(tool, formats) ? ' rt-tool--on' : ''}`} role='button' aria-label={tool.title}
            data-testid={`${testId}-tool-${tool.id}`} onClick={() => ctx.current?.format(tool.name, nextValue(tool, formats))}>
            {tool.label}
          </Text>
        ))}
        {uploadImage ? (
          <Text className='rt-tool' role='button' aria-label='插入图片' data-testid={`${testId}-tool-image`} onClick={() => void insertImage()}>
            {uploading ? '上传中…' : '图片'}
          </Text>
        ) : null}
      </View>
      <Editor id={id} className='rt-editor__body' placeholder={placeholder} showImgSize showImgResize data-testid={`${testId}-body`}
        onReady={onReady}
        onStatusChange={(e) => setFormats((e.detail ?? {}) as Formats)}
        onInput={(e) => onChange(cleanDelta(media.current.stored((e.detail as { delta: Delta }).delta)))} />
    </View>
  );
}
