import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { FormError } from '../../../../ui/form-error';
import { StatusLine } from '../../../../ui/status-line';
import { TextField } from '../../../../ui/text-field';
import { WideButton } from '../../../../ui/wide-button';
import { useAction } from '../../hooks/use-action';
import { assignCourse, departments, members } from '../../services/training-manage.service';
import type { ManagedAssignment, MemberOption } from '../../services/training-manage.types';
import { endOfShanghaiDay } from './labels';
import '../training.css';

export interface AssignFormProps {
  enterpriseId: string;
  courseId: string;
  onAssigned(): void;
}

const TARGETS = [
  { value: 'department', label: '部门（含下级）' },
  { value: 'member', label: '指定成员' },
  { value: 'everyone', label: '全体成员' },
];

const dayAfter = (days: number) => new Date(Date.now() + (8 * 3600 + days * 86400) * 1000).toISOString().slice(0, 10);
const DUE_CHOICES = [{ value: '', label: '不设' }, ...[7, 14, 30].map((d) => ({ value: dayAfter(d), label: `${d} 天后` }))];

/** 指派: to a department (with its sub-departments), chosen members or everyone, with a deadline. */
export function AssignForm({ enterpriseId, courseId, onAssigned }: AssignFormProps) {
  const [target, setTarget] = useState<ManagedAssignment['target']>('department');
  const [department, setDepartment] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<MemberOption[]>([]);
  const [due, setDue] = useState('');
  const tree = useLoader(() => departments(enterpriseId), enterpriseId);
  const found = useLoader(() => members(enterpriseId, query), `${enterpriseId}:${query}`, target === 'member');
  const action = useAction();
  const toggle = (m: MemberOption) =>
    setChosen((list) => (list.some((x) => x.user_id === m.user_id) ? list.filter((x) => x.user_id !== m.user_id) : [...list, m]));
  const assign = async () => {
    const answer = await action.run(() =>
      assignCourse(courseId, target, endOfShanghaiDay(due), target === 'department' ? department || null : null,
        target === 'member' ? chosen.map((m) => m.user_id) : null));
    if (answer) {
      action.setStatus(`已指派给 ${answer.learners} 人，每人收到一条学习任务通知`);
      onAssigned();
    }
  };
  return (
    <View className='tr-card' data-testid='assign-form'>
      <ChoiceChips label='指派给' options={TARGETS} value={target} onChange={(v) => setTarget(v as ManagedAssignment['target'])} testId='assign-target' />
      {target === 'department' && (
        <ChoiceChips
          label='部门'
          options={(tree.data ?? []).map((d) => ({ value: d.id, label: `${'　'.repeat(Math.max(0, d.depth - 1))}${d.name}` }))}
          value={department}
          onChange={setDepartment}
          testId='assign-department'
        />
      )}
      {target === 'member' && (
        <View>
          <TextField label='搜索成员' value={query} onChange={setQuery} testId='assign-member-query' placeholder='姓名、手机号或工号' />
          <ChoiceChips
            label='成员'
            options={[...chosen, ...(found.data ?? []).filter((m) => !chosen.some((c) => c.user_id === m.user_id))].map((m) => ({
              value: m.user_id, label: m.display_name,
            }))}
            value={chosen.map((m) => m.user_id)}
            onChange={(id) => {
              const m = chosen.find((c) => c.user_id === id) ?? found.data?.find((x) => x.user_id === id);
              if (m) toggle(m);
            }}
            testId='assign-members'
          />
        </View>
      )}
      <ChoiceChips label='截止' options={DUE_CHOICES} value={DUE_CHOICES.find((c) => c.value === due)?.value ?? ''} onChange={setDue} testId='assign-due-quick' />
      <View className='field'>
        <Text className='field__label'>或选择截止日期</Text>
        <Picker mode='date' value={due} start={new Date().toISOString().slice(0, 10)} onChange={(e) => setDue(String(e.detail.value))}>
          <Text className='tr-card__meta' role='button' aria-label='截止日期' data-testid='assign-due'>
            {due ? `${due} 23:59 截止` : '不设截止日期（点此选择）'}
          </Text>
        </Picker>
      </View>
      <FormError message={action.error} testId='assign-error' />
      <StatusLine message={action.status} className='tr-card__meta' testId='assign-status' />
      <WideButton busy={action.busy} testId='assign-submit' onClick={() => void assign()}>
        指派
      </WideButton>
    </View>
  );
}
