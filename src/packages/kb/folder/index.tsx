import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { LoadState } from '../../../ui/load-state';
import { KB_ROUTES, NodeList, canEdit, kbService, useLoader } from '../../../features/kb';

/** A space or folder: what the member may see inside; editors add pages and folders. */
export default function KbFolderPage() {
  const nodeId = useRouter().params?.node ?? '';
  const folder = useLoader(() => kbService.openPage(nodeId), nodeId, !!nodeId);
  const ent = folder.data?.enterprise_id ?? '';
  const items = useLoader(() => kbService.children(ent, nodeId), `${ent}|${nodeId}`, !!ent);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  useDidShow(() => items.reload());
  const create = async (kind: 'page' | 'folder') => {
    setBusy(true);
    try {
      const id = await kbService.createNode(nodeId, kind, title.trim());
      setTitle('');
      if (kind === 'page') void Taro.navigateTo({ url: KB_ROUTES.edit(id) });
      else items.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  if (!folder.data) return <View className='page'><LoadState loading={folder.loading} error={folder.error} onRetry={folder.reload} testId='kb-folder' /></View>;
  return (
    <View className='page' data-testid='kb-folder'>
      <Text className='page-title'>{folder.data.title}</Text>
      <LoadState loading={items.loading} error={items.error} onRetry={items.reload} isEmpty={!items.data?.length} empty='这里还没有内容' testId='kb-folder-items' />
      <NodeList nodes={items.data ?? []} />
      {canEdit(folder.data.role) ? (
        <View className='kb-toolbar' data-testid='kb-create'>
          <Input type='text' placeholder='新页面或文件夹的名称' value={title} maxLength={100} onChange={(v: string) => setTitle(v)} data-testid='kb-create-title' />
          <Button size='small' type='primary' disabled={busy || !title.trim()} data-testid='kb-create-page' onClick={() => void create('page')}>新建页面</Button>
          <Button size='small' disabled={busy || !title.trim()} data-testid='kb-create-folder' onClick={() => void create('folder')}>新建文件夹</Button>
        </View>
      ) : null}
    </View>
  );
}
