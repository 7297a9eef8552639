import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { deltaToMarkup } from '../lib/delta';
import { kbFilesService, type KbFilesService } from '../services/kb-files.service';
import { kbService, type KbService } from '../services/kb.service';
import type { KbPage } from '../services/kb.types';
import './kb.css';

export interface PageEditorProps {
  page: KbPage;
  onSaved(version: number): void;
  service?: Pick<KbService, 'saveMarkup'>;
  files?: Pick<KbFilesService, 'chooseKbFile' | 'uploadPageImage'>;
}

/**
 * The simple editor (all platforms for now): a text area where `# ` starts a heading, `- ` or `1. `
 * a list item and `> ` a quote. Saved as a Delta like the rich editors will save. Inline formatting
 * of a page written elsewhere is kept as plain text when saved from here. 插入图片 uploads an image into
 * the page's Storage folder and adds it as its own line (`![图片](kb/…)`, an image embed when saved).
 */
export function PageEditor({ page, onSaved, service = kbService, files = kbFilesService }: PageEditorProps) {
  const [title, setTitle] = useState(page.title);
  const [text, setText] = useState(() => deltaToMarkup(page.delta));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const insertImage = async () => {
    setError('');
    const file = await files.chooseKbFile('kb-image-file-input', ['image']);
    if (!file) return;
    setProgress(0);
    try {
      const ref = await files.uploadPageImage(page, file, setProgress);
      setText((t) => `${t.replace(/\n*$/, '')}${t.trim() ? '\n' : ''}![图片](${ref})\n`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setProgress(null);
    }
  };
  const save = async () => {
    setSaving(true);
    setError('');
    try {
      onSaved(await service.saveMarkup(page.id, text, title.trim(), page.version_no));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <View data-testid='kb-editor'>
      <Input type='text' value={title} maxLength={100} onChange={(v: string) => setTitle(v)} aria-label='标题' data-testid='kb-editor-title' />
      <Text className='kb-muted'>简易编辑器：# 标题，- 列表，1. 编号，&gt; 引用</Text>
      <Textarea className='kb-editor' value={text} maxlength={-1} autoHeight onInput={(e) => setText(e.detail.value)} data-testid='kb-editor-body' />
      <Button size='small' disabled={progress !== null} data-testid='kb-editor-image' onClick={() => void insertImage()}>
        {progress === null ? '插入图片' : `上传中 ${Math.round(progress)}%`}
      </Button>
      {error ? <Text role='alert' data-testid='kb-editor-error'>{error}</Text> : null}
      <Button type='primary' block loading={saving} disabled={saving || progress !== null || !title.trim()} data-testid='kb-editor-save' onClick={() => void save()}>
        保存（生成新版本）
      </Button>
      <Button block fill='none' onClick={() => void Taro.navigateBack()}>取消</Button>
    </View>
  );
}
