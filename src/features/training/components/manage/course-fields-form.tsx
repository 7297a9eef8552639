import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { FormError } from '../../../../ui/form-error';
import { StatusLine } from '../../../../ui/status-line';
import { TextField } from '../../../../ui/text-field';
import { WideButton } from '../../../../ui/wide-button';
import { useAction } from '../../hooks/use-action';
import { MediaField } from './media-field';
import { saveCourse } from '../../services/training-manage.service';
import type { ManagedCourse } from '../../services/training-manage.types';
import '../training.css';

export interface CourseFieldsFormProps {
  enterpriseId: string;
  course: ManagedCourse | null;
  onSaved(courseId: string): void;
}

/** A course's title, category, summary, cover, required/elective, points and video seeking rule (new or existing). */
export function CourseFieldsForm({ enterpriseId, course, onSaved }: CourseFieldsFormProps) {
  const [title, setTitle] = useState(course?.title ?? '');
  const [category, setCategory] = useState(course?.category ?? '');
  const [summary, setSummary] = useState(course?.summary ?? '');
  const [required, setRequired] = useState(course?.required ?? true);
  const [points, setPoints] = useState(String(course?.points ?? 10));
  const [limitSeeking, setLimitSeeking] = useState(course?.limit_seeking ?? true);
  const [cover, setCover] = useState<string | null>(course?.cover_path ?? null);
  const action = useAction();
  const save = async () => {
    const id = await action.run(
      () => saveCourse(enterpriseId, course?.id ?? null, { title, category, summary, required, points: Number(points) || 0, limit_seeking: limitSeeking, cover_path: cover }),
      '已保存',
    );
    if (id) onSaved(id);
  };
  return (
    <View data-testid='course-form'>
      <TextField label='课程名称' value={title} onChange={setTitle} testId='course-title' maxLength={80} />
      <TextField label='分类' value={category} onChange={setCategory} testId='course-category' maxLength={30} placeholder='如：合规、产品、安全' />
      <View className='field'>
        <Text className='field__label'>简介</Text>
        <Textarea className='tr-manage__textarea' maxlength={1000} value={summary} onInput={(e) => setSummary(e.detail.value)} aria-label='简介' data-testid='course-summary' />
      </View>
      <MediaField label='封面' kind='cover' enterpriseId={enterpriseId} value={cover} onChange={(path) => setCover(path)} onClear={() => setCover(null)} testId='course-cover' />
      <ChoiceChips label='类型' options={[{ value: 'yes', label: '必修' }, { value: 'no', label: '选修' }]} value={required ? 'yes' : 'no'} onChange={(v) => setRequired(v === 'yes')} testId='course-required' />
      <ChoiceChips label='视频拖动' options={[{ value: 'limit', label: '不可超过已看进度' }, { value: 'free', label: '可自由拖动' }]} value={limitSeeking ? 'limit' : 'free'} onChange={(v) => setLimitSeeking(v === 'limit')} testId='course-limit-seeking' />
      <TextField label='完成课程的积分' value={points} onChange={setPoints} type='number' testId='course-points' maxLength={4} />
      <FormError message={action.error} testId='course-form-error' />
      <StatusLine message={action.status} className='tr-card__meta' testId='course-form-status' />
      <WideButton busy={action.busy} testId='course-save' onClick={() => void save()}>
        {course ? '保存课程信息' : '创建课程'}
      </WideButton>
    </View>
  );
}
