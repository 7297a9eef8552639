import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ConfirmAction } from '../../../../ui/confirm-action';
import { useAction } from '../../../../lib/hooks/use-action';
import { Button } from '../../../../ui/button';
import { departmentNameSchema, firstMessage } from '../../schemas/enterprise.schema';
import type { DirectoryService } from '../../services/directory.service';
import type { DepartmentNode, MemberRow } from '../../services/enterprise.types';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { TextField } from '../../../../ui/text-field';

export interface DepartmentItemProps {
  enterpriseId: string;
  department: DepartmentNode;
  /** every department, to pick a new parent (the server refuses cycles and depth > 15) */
  all: DepartmentNode[];
  members: MemberRow[];
  service: Pick<DirectoryService, 'createDepartment' | 'renameDepartment' | 'moveDepartment' | 'deleteDepartment' | 'setDepartmentHead'>;
  onChanged(message: string): void;
}

type Mode = '' | 'child' | 'rename' | 'move' | 'head';

/** One department row: add a child, rename, move, set the head, delete (only when empty). */
export function DepartmentItem({ enterpriseId, department: d, all, members, service, onChanged }: DepartmentItemProps) {
  const [mode, setMode] = useState<Mode>('');
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const action = useAction();
  const { busy, error, setError } = action;
  const testId = `department-${d.name}`;

  const open = (next: Mode) => {
    setMode(mode === next ? '' : next);
    setName(next === 'rename' ? d.name : '');
    setTarget(next === 'move' ? d.parent_id ?? '' : next === 'head' ? d.head_user_id ?? '' : '');
    setError('');
  };

  const run = (work: () => Promise<unknown>, message: string) =>
    action.run(async () => {
      await work();
      setMode('');
      onChanged(message);
    });

  const submit = () => {
    if (mode === 'child' || mode === 'rename') {
      const parsed = departmentNameSchema.safeParse(name);
      if (!parsed.success) return setError(firstMessage(parsed.error));
      return void (mode === 'child'
        ? run(() => service.createDepartment(enterpriseId, d.id, parsed.data), `已在${d.name}下创建${parsed.data}`)
        : run(() => service.renameDepartment(d.id, parsed.data), `已重命名为${parsed.data}`));
    }
    if (mode === 'move') return void run(() => service.moveDepartment(d.id, target || null), `已移动${d.name}`);
    if (mode === 'head') return void run(() => service.setDepartmentHead(d.id, target || null), `已设置${d.name}的负责人`);
  };

  return (
    <View className='ent-item' data-testid={testId} style={{ marginLeft: `${(d.depth - 1) * 12}px` }}>
      <View className='ent-row'>
        <Text className='ent-title'>{d.name}</Text>
        <Text className='ent-muted'>{d.member_count} 人</Text>
      </View>
      <Text className='ent-muted'>负责人：{d.head_name || '未设置'}</Text>
      <View className='ent-actions'>
        <Button size='small' fill='outline' role='button' data-testid={`${testId}-add-child`} onClick={() => open('child')}>
          添加子部门
        </Button>
        <Button size='small' fill='outline' role='button' data-testid={`${testId}-rename`} onClick={() => open('rename')}>
          重命名
        </Button>
        <Button size='small' fill='outline' role='button' data-testid={`${testId}-move`} onClick={() => open('move')}>
          移动
        </Button>
        <Button size='small' fill='outline' role='button' data-testid={`${testId}-head`} onClick={() => open('head')}>
          负责人
        </Button>
      </View>
      {(mode === 'child' || mode === 'rename') && (
        <TextField label={mode === 'child' ? '子部门名称' : '新名称'} value={name} onChange={setName} testId={`${testId}-name`} maxLength={50} />
      )}
      {mode === 'move' && (
        <ChoiceChips
          label='移动到'
          testId={`${testId}-parent`}
          value={target}
          onChange={setTarget}
          options={[{ value: '', label: '顶级部门' }, ...all.filter((o) => o.id !== d.id).map((o) => ({ value: o.id, label: o.name }))]}
        />
      )}
      {mode === 'head' && (
        <ChoiceChips
          label='部门负责人'
          testId={`${testId}-head-user`}
          value={target}
          onChange={setTarget}
          options={[{ value: '', label: '不设置' }, ...members.map((m) => ({ value: m.user_id, label: m.display_name || m.user_id.slice(0, 8) }))]}
        />
      )}
      {error && (
        <Text className='field__error' role='alert' data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
      {mode !== '' && (
        <View className='ent-actions'>
          <Button size='small' type='primary' role='button' loading={busy} disabled={busy} data-testid={`${testId}-save`} onClick={submit}>
            保存
          </Button>
        </View>
      )}
      <ConfirmAction
        label='删除部门'
        message='只能删除没有子部门和成员的部门。'
        confirmLabel='确认删除'
        testId={`${testId}-delete`}
        onConfirm={() => service.deleteDepartment(d.id).then(() => onChanged(`已删除${d.name}`))}
      />
    </View>
  );
}
