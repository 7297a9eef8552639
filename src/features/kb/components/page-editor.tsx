import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { saveTextFile } from '../../../platform/text-file';
import { Button } from '../../../ui/button';
import { FormError } from '../../../ui/form-error';
import { Input } from '../../../ui/input';
import { RichEditor, type Delta } from '../../../ui/rich-text';
import { deltaToMarkdown } from '../../../ui/rich-text/markdown';
import { MarkdownImport } from '../../../ui/rich-text/markdown-import';
import { kbFilesService, type KbFilesService } from '../services/kb-files.service';
import { kbService, type KbService } from '../services/kb.service';
import type { KbPage } from '../services/kb.types';
import './kb.css';

export interface PageEditorProps {
  page: KbPage;
  onSaved(version: number): void;
  service?: Pick<KbService, 'savePage'>;
  files?: Pick<KbFilesService, 'chooseKbFile' | 'uploadPageImage' | 'kbMediaUrl'>;
}

const asDelta = (value: unknown): Delta => (value && typeof value === 'object' && Array.isArray((value as Delta).ops) ? (value as Delta) : { ops: [] });

/**
 * The page editor: the shared rich-text editor (Quill on H5, the native editor in mini-programs),
 * saved as a new version from the version it started from. Images upload into the page's Storage
 * folder and are stored as `kb/…` references; Markdown imports replace the body, exports save it.
 */
export function PageEditor({ page, onSaved, service = kbService, files = kbFilesService }: PageEditorProps) {
  const [title, setTitle] = useState(page.title);
  const [delta, setDelta] = useState<Delta>(() => asDelta(page.delta));
  // a new editor mount (key) when an import replaces the content
  const [revision, setRevision] = useState(0);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const save = useAction();
  const uploadImage = async () => {
    const file = await files.chooseKbFile('kb-image-file-input', ['image']);
    if (!file) return null;
    setProgress(0);
    try {
      return await files.uploadPageImage(page, file, setProgress);
    } finally {
      setProgress(null);
    }
  };
  const exportMarkdown = async () => {
    const how = await saveTextFile(`${title.trim() || page.title}.md`, deltaToMarkdown(delta));
    void Taro.showToast({ title: how === 'copied' ? 'Markdown 已复制到剪贴板' : '已导出 Markdown', icon: 'none' });
  };
  return (
    <View data-testid='kb-page-editor'>
      <Input type='text' value={title} maxLength={100} onChange={(v: string) => setTitle(v)} aria-label='标题' data-testid='kb-editor-title' />
      <RichEditor key={revision} initial={delta} onChange={setDelta} uploadImage={uploadImage} resolveMedia={(ref) => files.kbMediaUrl(ref)}
        onError={save.setError} testId='kb-editor' />
      {progress !== null ? <Text className='kb-muted' data-testid='kb-editor-progress'>{`图片上传中 ${Math.round(progress)}%`}</Text> : null}
      {notice ? <Text className='kb-muted' role='status' data-testid='kb-editor-notice'>{notice}</Text> : null}
      <View className='kb-toolbar'>
        <Button size='small' data-testid='kb-md-import' onClick={() => setImporting(true)}>导入 Markdown</Button>
        <Button size='small' data-testid='kb-md-export' onClick={() => void exportMarkdown().catch((e: unknown) => save.setError(String(e)))}>导出 Markdown</Button>
      </View>
      <FormError message={save.error} testId='kb-editor-error' />
      <Button type='primary' block loading={save.busy} disabled={save.busy || progress !== null || !title.trim()} data-testid='kb-editor-save'
        onClick={() => void save.run(async () => onSaved(await service.savePage(page.id, delta, title.trim(), page.version_no)))}>
        保存（生成新版本）
      </Button>
      <Button block fill='none' onClick={() => void Taro.navigateBack()}>取消</Button>
      {importing ? (
        <MarkdownImport testId='kb-md' keepMedia={(src) => src.startsWith(`kb/${page.enterprise_id}/`)} onClose={() => setImporting(false)}
          onImport={(next, message) => {
            setDelta(next);
            setRevision((r) => r + 1);
            setNotice(message);
            setImporting(false);
          }} />
      ) : null}
    </View>
  );
}
