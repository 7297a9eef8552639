import { Image, Text, Video, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { openDocumentUrl } from '../../../platform/open-document';
import { Button } from '../../../ui/button';
import { kbMediaUrl, stampedPdfRequest } from '../services/kb-files.service';
import type { KbPage } from '../services/kb.types';
import './kb.css';

/**
 * The file of a file node. Images and videos show in the page (a signed link); documents open in
 * the platform's viewer (H5: the browser's; weapp: openDocument with its forward menu off).
 * Viewers without download rights see that the file exists, not the file: the server gives them
 * no path and Storage signs no link for them (a file needs downloader rights, preview included).
 * Links are signed when the file is shown or opened and live 60 s. A PDF in a space with the
 * watermark on is fetched from the kb-pdf function instead, stamped for the reader.
 */
export function FilePreview({ page, sign = kbMediaUrl, stamped = stampedPdfRequest }: {
  page: KbPage;
  sign?: (ref: string) => Promise<string>;
  stamped?: (nodeId: string) => Promise<{ url: string; headers: Record<string, string> }>;
}) {
  const path = page.file_path;
  const inline = page.file_mime.startsWith('image/') || page.file_mime.startsWith('video/');
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    if (!path || !inline) return;
    sign(path).then(setUrl, (e: unknown) => setError(messageOf(e)));
  }, [path, inline, sign]);
  if (!path && page.role === 'viewer') return <Text className='kb-muted' data-testid='kb-file-locked'>你可以查看该文件的信息，但没有下载权限</Text>;
  // A downloader sees the path whenever there is one: none means nothing was uploaded yet.
  if (!path) return <Text className='kb-muted' data-testid='kb-file-missing'>文件尚未上传</Text>;
  const open = async () => {
    try {
      if (page.watermark && page.file_mime === 'application/pdf') {
        const request = await stamped(page.id);
        await openDocumentUrl(request.url, request.headers);
      } else {
        await openDocumentUrl(await sign(path));
      }
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  return (
    <View data-testid='kb-file'>
      <Text className='kb-muted'>{`${page.file_mime || '文件'} · ${Math.max(1, Math.ceil(page.file_size / 1024))} KB`}</Text>
      {error ? <Text role='alert'>{error}</Text> : null}
      {inline && url && page.file_mime.startsWith('image/') ? (
        <Image className='kb-image' src={url} mode='widthFix' data-testid='kb-file-image' onClick={() => void Taro.previewImage({ current: url, urls: [url] })} />
      ) : null}
      {inline && url && page.file_mime.startsWith('video/') ? (
        // the link lives 60 s: a player that fetches later (seeking, resuming) gets a fresh one
        <Video className='kb-video' src={url} controls data-testid='kb-file-video' onError={() => void sign(path).then(setUrl, () => undefined)} />
      ) : null}
      {!inline ? <Button size='small' type='primary' data-testid='kb-file-open' onClick={() => void open()}>预览文件</Button> : null}
    </View>
  );
}
