import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { pickTextFile } from '../../platform/text-file';
import { BottomSheet } from '../bottom-sheet';
import { Button } from '../button';
import { FormError } from '../form-error';
import type { Delta } from './delta';
import { markdownToDelta } from './markdown';

export interface MarkdownImportProps {
  /** Storage references a pasted document may keep as images (the module's own objects). */
  keepMedia?: (src: string) => boolean;
  onImport(delta: Delta, notice: string): void;
  onClose(): void;
  testId?: string;
}

const MAX_CHARS = 200_000;

/** 导入 Markdown: paste it, or pick a .md file; it replaces the editor's content. */
export function MarkdownImport({ keepMedia, onImport, onClose, testId = 'md-import' }: MarkdownImportProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const apply = (source: string) => {
    if (!source.trim()) return setError('请粘贴或选择 Markdown 内容');
    if (source.length > MAX_CHARS) return setError('内容过长（最多 20 万字）');
    const { delta, linkedImages } = markdownToDelta(source, keepMedia);
    onImport(delta, linkedImages ? `已导入；${linkedImages} 张外部图片已转为链接` : '已导入');
  };
  const pick = async () => {
    setError('');
    const file = await pickTextFile(`${testId}-file-input`);
    if (file) apply(file.text);
  };
  return (
    <BottomSheet title='导入 Markdown' testId={testId}>
      <Text className='bottom-sheet__text'>导入的内容会替换编辑器中的正文，保存后生成新版本。</Text>
      <Textarea className='rt-md-input' value={text} maxlength={MAX_CHARS} placeholder='在这里粘贴 Markdown' aria-label='Markdown 内容'
        onInput={(e) => setText(e.detail.value)} data-testid={`${testId}-text`} />
      <FormError message={error} testId={`${testId}-error`} />
      <View className='rt-toolbar'>
        <Button size='small' type='primary' data-testid={`${testId}-apply`} onClick={() => apply(text)}>导入粘贴的内容</Button>
        <Button size='small' data-testid={`${testId}-file`} onClick={() => void pick()}>选择文件</Button>
        <Button size='small' fill='none' data-testid={`${testId}-cancel`} onClick={onClose}>取消</Button>
      </View>
    </BottomSheet>
  );
}
