import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { LoadState } from '../../../ui/load-state';
import { KB_ROUTES, NodeList, canEdit, kbFilesService, kbService, useLoader, type KbTemplate } from '../../../features/kb';
import { TemplatePicker } from '../../../features/kb/components/template-picker';
import { BLANK_TEMPLATE } from '../../../features/kb/lib/templates';

/** A space or folder: what the member may see inside; editors add pages and folders. */
export default function KbFolderPage() {
  const nodeId = useRouter().params?.node ?? '';
  const folder = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  const ent = folder.data?.enterprise_id ?? '';
  const items = useLoader(() => kbService.children(ent, nodeId), `${ent}|${nodeId}`, !!ent);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [template, setTemplate] = useState<KbTemplate>(BLANK_TEMPLATE);
  useDidShow(() => items.reload());
  const [progress, setProgress] = useState<number | null>(null);
  // a file node named after the typed name (or the file's), then its file; a failed upload leaves
  // the node without a file, which its page says and an editor can fill again
  const uploadFile = async () => {
    const file = await kbFilesService.chooseKbFile('kb-file-input', ['pdf', 'video', 'image']);
    if (!file || !folder.data) return;
    setProgress(0);
    try {
      const id = await kbService.createNode(nodeId, 'file', title.trim() || file.name.slice(0, 100));
      await kbFilesService.uploadNodeFile({ id, enterprise_id: folder.data.enterprise_id }, file, setProgress);
      setTitle('');
      items.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setProgress(null);
    }
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const create = (kind: 'page' | 'folder') => run(async () => {
    const id = kind === 'page' ? await kbService.createPage(nodeId, title.trim(), template) : await kbService.createNode(nodeId, kind, title.trim());
    setTitle('');
    if (kind === 'page') void Taro.navigateTo({ url: KB_ROUTES.edit(id) });
    else items.reload();
  });
  // a folder (not a space) is copied beside itself, with its pages and subfolders
  const copy = () => run(async () => {
    const id = await kbService.copyNode(nodeId);
    void Taro.showToast({ title: '已复制', icon: 'none' });
    void Taro.navigateTo({ url: KB_ROUTES.folder(id) });
  });
  if (!folder.data) return <View className='page'><LoadState loading={folder.loading} error={folder.error} onRetry={folder.reload} testId='kb-folder' /></View>;
  return (
    <View className='page' data-testid='kb-folder'>
      <Text className='page-title'>{folder.data.title}</Text>
      <LoadState loading={items.loading} error={items.error} onRetry={items.reload} isEmpty={!items.data?.length} empty='这里还没有内容' testId='kb-folder-items' />
      <NodeList nodes={items.data ?? []} />
      {canEdit(folder.data.role) ? (
        <View className='kb-toolbar' data-testid='kb-create'>
          <TemplatePicker enterpriseId={ent} value={template} onChange={setTemplate} />
          <Input type='text' placeholder='新页面或文件夹的名称' value={title} maxLength={100} onChange={(v: string) => setTitle(v)} data-testid='kb-create-title' />
          <Button size='small' type='primary' disabled={busy || !title.trim()} data-testid='kb-create-page' onClick={() => void create('page')}>新建页面</Button>
          <Button size='small' disabled={busy || !title.trim()} data-testid='kb-create-folder' onClick={() => void create('folder')}>新建文件夹</Button>
          <Button size='small' disabled={progress !== null} data-testid='kb-upload-file' onClick={() => void uploadFile()}>
            {progress === null ? '上传文件' : `上传中 ${Math.round(progress)}%`}
          </Button>
        </View>
      ) : null}
      {canEdit(folder.data.role) && folder.data.kind === 'folder' ? (
        <Button size='small' fill='none' disabled={busy} data-testid='kb-folder-copy' onClick={() => void copy()}>复制此文件夹</Button>
      ) : null}
      {folder.data.role === 'manager' ? (
        <Button size='small' fill='none' data-testid='kb-folder-access' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.access(nodeId) })}>权限设置</Button>
      ) : null}
    </View>
  );
}
