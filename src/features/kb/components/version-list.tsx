import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import type { KbVersion } from '../services/kb.types';

/** Every save of a page, newest first; editors restore one (saved again as the newest version). */
export function VersionList({ versions, current, canRestore, onRestore }: {
  versions: KbVersion[]; current: number; canRestore: boolean; onRestore(v: KbVersion): Promise<unknown>;
}) {
  const [busy, setBusy] = useState('');
  return (
    <View data-testid='kb-version-list'>
      {versions.map((v) => (
        <View key={v.id} className='kb-item' data-testid='kb-version'>
          <Text className='kb-item__title'>{`第 ${v.version_no} 版${v.version_no === current ? '（当前）' : ''}`}</Text>
          <Text className='kb-muted'>{`${v.created_at.slice(0, 16).replace('T', ' ')}${v.restored_from ? ` · 由第 ${v.restored_from} 版恢复` : ''}`}</Text>
          {canRestore && v.version_no !== current ? (
            <Button size='small' loading={busy === v.id} disabled={!!busy} data-testid='kb-version-restore'
              onClick={() => {
                setBusy(v.id);
                onRestore(v)
                  .then(() => Taro.showToast({ title: '已恢复为新版本', icon: 'none' }))
                  .catch((e: unknown) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
                  .finally(() => setBusy(''));
              }}>
              恢复此版本
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
