import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { Input } from '../../../ui/input';
import { kbService, type KbService } from '../services/kb.service';
import type { SpaceKind } from '../services/kb.types';
import './kb.css';

const KINDS = [
  { value: 'team', label: '团队空间' },
  { value: 'private', label: '个人空间' },
  { value: 'enterprise', label: '企业空间' },
] as const;

export interface CreateSpaceFormProps {
  enterpriseId: string;
  onCreated(spaceId: string): void;
  service?: Pick<KbService, 'createSpace'>;
}

/**
 * 新建空间: team and private spaces are their creator's until they grant others; an enterprise-wide
 * space (everyone reads it) is for content managers, and the server says so to anyone else.
 */
export function CreateSpaceForm({ enterpriseId, onCreated, service = kbService }: CreateSpaceFormProps) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SpaceKind>('team');
  const { busy, error, run } = useAction();
  if (!open) return <Button size='small' fill='none' data-testid='kb-space-new' onClick={() => setOpen(true)}>＋ 新建空间</Button>;
  const create = () => run(async () => {
    const id = await service.createSpace(enterpriseId, kind, title.trim());
    setOpen(false);
    setTitle('');
    onCreated(id);
  });
  return (
    <View className='kb-item' data-testid='kb-space-form'>
      <Input type='text' placeholder='空间名称' value={title} maxLength={100} onChange={(v: string) => setTitle(v)} aria-label='空间名称' data-testid='kb-space-title' />
      <ChoiceChips label='类型' options={KINDS} value={kind} testId='kb-space-kind' onChange={(k) => setKind(k as SpaceKind)} />
      {error ? <Text role='alert' data-testid='kb-space-error'>{error}</Text> : null}
      <View className='kb-toolbar'>
        <Button size='small' type='primary' disabled={busy || !title.trim()} data-testid='kb-space-create' onClick={() => void create()}>创建</Button>
        <Button size='small' fill='none' onClick={() => setOpen(false)}>取消</Button>
      </View>
    </View>
  );
}
