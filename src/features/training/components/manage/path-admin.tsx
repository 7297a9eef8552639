import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../../ui/button';
import { FormError } from '../../../../ui/form-error';
import { LoadState } from '../../../../ui/load-state';
import { TextField } from '../../../../ui/text-field';
import { WideButton } from '../../../../ui/wide-button';
import { useShownLoader } from '../../hooks/use-shown-loader';
import { useAction } from '../../hooks/use-action';
import { managedCourses, managedPaths, savePath } from '../../services/training-manage.service';
import type { ManagedCourse, ManagedPath } from '../../services/training-manage.types';
import { COURSE_STATUS_LABELS } from './labels';
import '../training.css';

/** 培训管理 › 路径: the enterprise's learning paths (courses in order) and the form that writes one. */
export function PathAdmin({ enterpriseId }: { enterpriseId: string }) {
  const paths = useShownLoader(() => managedPaths(enterpriseId), enterpriseId);
  const courses = useShownLoader(() => managedCourses(enterpriseId), enterpriseId);
  const [editing, setEditing] = useState<ManagedPath | 'new' | null>(null);
  const titles = new Map((courses.data ?? []).map((c) => [c.id, c.title]));
  if (editing) {
    return (
      <PathForm enterpriseId={enterpriseId} path={editing === 'new' ? null : editing} courses={courses.data ?? []}
        onDone={() => { setEditing(null); paths.reload(); }} />
    );
  }
  return (
    <View data-testid='manage-paths'>
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' data-testid='manage-path-new' onClick={() => setEditing('new')}>
          新建学习路径
        </Button>
      </View>
      <LoadState loading={paths.loading} error={paths.error} onRetry={paths.reload} isEmpty={paths.data?.length === 0}
        empty='还没有学习路径：把几门课程按顺序组成一条路径，学员在学习页按顺序学' testId='manage-paths' />
      <View className='tr-list'>
        {paths.data?.map((p) => (
          <View key={p.id} className='tr-card' role='link' data-testid={`manage-path-${p.id}`} onClick={() => setEditing(p)}>
            <Text className='tr-card__title'>{p.title}</Text>
            <Text className='tr-card__meta'>
              {COURSE_STATUS_LABELS[p.status]} · {p.course_ids.map((id, i) => `${i + 1}. ${titles.get(id) ?? '课程'}`).join('  ')}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

interface PathFormProps {
  enterpriseId: string;
  path: ManagedPath | null;
  courses: ManagedCourse[];
  onDone(): void;
}

/** Title, summary and the courses in the order tapped (tap again to take one out). */
function PathForm({ enterpriseId, path, courses, onDone }: PathFormProps) {
  const [title, setTitle] = useState(path?.title ?? '');
  const [summary, setSummary] = useState(path?.summary ?? '');
  const [chosen, setChosen] = useState<string[]>(path?.course_ids ?? []);
  const action = useAction();
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const save = async (publish: boolean) => {
    if (chosen.length === 0) return action.setError('请至少选择一门课程');
    const id = await action.run(() => savePath(enterpriseId, path?.id ?? null, { title, summary, course_ids: chosen }, publish));
    if (id) onDone();
  };
  return (
    <View data-testid='path-form'>
      <TextField label='路径名称' value={title} onChange={setTitle} testId='path-title' maxLength={80} placeholder='如：新员工入职路径' />
      <View className='field'>
        <Text className='field__label'>简介</Text>
        <Textarea className='tr-manage__textarea' maxlength={1000} value={summary} onInput={(e) => setSummary(e.detail.value)} aria-label='简介' data-testid='path-summary' />
      </View>
      <Text className='tr-manage__section'>课程（按点选的顺序学习，再点一次移出）</Text>
      {courses.length === 0 && <Text className='tr-empty'>还没有课程</Text>}
      {courses.map((c) => {
        const at = chosen.indexOf(c.id);
        return (
          <View key={c.id} className={`tr-option ${at >= 0 ? 'tr-option--chosen' : ''}`} role='checkbox' aria-checked={at >= 0}
            data-testid={`path-course-option-${c.id}`} onClick={() => toggle(c.id)}>
            <Text className='tr-option__letter'>{at >= 0 ? at + 1 : '+'}</Text>
            <Text>{c.title}</Text>
            <Text className='tr-card__meta'>{COURSE_STATUS_LABELS[c.status]}</Text>
          </View>
        );
      })}
      <FormError message={action.error} testId='path-form-error' />
      <WideButton busy={action.busy} testId='path-publish' onClick={() => void save(true)}>
        {path?.status === 'published' ? '保存（已发布）' : '保存并发布'}
      </WideButton>
      {path?.status !== 'published' && (
        <WideButton busy={action.busy} type='default' testId='path-save' onClick={() => void save(false)}>
          存为草稿
        </WideButton>
      )}
      <WideButton type='default' testId='path-cancel' onClick={onDone}>
        返回
      </WideButton>
    </View>
  );
}
