import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { FormError } from '../../../../ui/form-error';
import { TextField } from '../../../../ui/text-field';
import { WideButton } from '../../../../ui/wide-button';
import { useAction } from '../../hooks/use-action';
import { savePaper } from '../../services/training-manage.service';
import type { ManagedPaper, PaperSettings, ReviewPolicy } from '../../services/training-manage.types';
import { COURSE_STATUS_LABELS, options, REVIEW_LABELS, shanghaiDate } from './labels';
import { ArchiveAction } from './archive-action';
import { DrawRulesEditor, FixedQuestionPicker } from './paper-questions';
import '../training.css';

export interface PaperFormProps {
  enterpriseId: string;
  paper: (PaperSettings & ManagedPaper) | null;
  /** a new paper's course (the course editor's 新建本课程的考试) */
  courseId: string | null;
  onSaved(paperId: string): void;
}

const YES_NO = [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }];
const num = (s: string) => (s.trim() === '' ? null : Number(s));
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00+08:00`).toISOString() : null);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59+08:00`).toISOString() : null);

function DateField({ label, value, onChange, testId }: { label: string; value: string; onChange(v: string): void; testId: string }) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='tr-manage__row'>
        <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <Text className='tr-card__meta' role='button' aria-label={label} data-testid={testId}>{value || '不限（点此选择）'}</Text>
        </Picker>
        {value && <Text className='tr-card__meta' role='button' onClick={() => onChange('')}>清除</Text>}
      </View>
    </View>
  );
}

/** A paper's settings (LeXiang's exam fields): questions or draw rules, scores, time, window, limits, review policy. */
export function PaperForm({ enterpriseId, paper, courseId, onSaved }: PaperFormProps) {
  const [s, setS] = useState<PaperSettings>(() => ({
    title: paper?.title ?? '', course_id: paper ? paper.course_id : courseId, mode: paper?.mode ?? 'fixed',
    pass_score: paper?.pass_score ?? 60, duration_minutes: paper?.duration_minutes ?? 30, opens_at: paper?.opens_at ?? null,
    closes_at: paper?.closes_at ?? null, attempt_limit: paper?.attempt_limit ?? 3, shuffle_questions: paper?.shuffle_questions ?? true,
    shuffle_options: paper?.shuffle_options ?? true, leave_limit: paper?.leave_limit ?? null, review_after_submit: paper?.review_after_submit ?? 'score',
    review_after_close: paper?.review_after_close ?? 'answers', certificate: paper?.certificate ?? true, points: paper?.points ?? 10,
    questions: paper?.questions ?? [], rules: paper?.rules ?? [],
  }));
  const set = (patch: Partial<PaperSettings>) => setS((old) => ({ ...old, ...patch }));
  const total = s.mode === 'fixed' ? s.questions.reduce((n, q) => n + q.score, 0) : s.rules.reduce((n, r) => n + r.count * r.score, 0);
  const action = useAction();
  const save = async (publish: boolean) => {
    const id = await action.run(() => savePaper(enterpriseId, paper?.id ?? null, s, publish), publish ? '已发布' : '已保存');
    if (id) onSaved(id);
  };
  return (
    <View data-testid='paper-form'>
      {paper && <Text className='page-subtitle' data-testid='paper-status'>{COURSE_STATUS_LABELS[paper.status]} · 总分 {paper.total_score}</Text>}
      <TextField label='试卷名称' value={s.title} onChange={(v) => set({ title: v })} testId='paper-title' maxLength={80} />
      <ChoiceChips label='组卷方式' options={[{ value: 'fixed', label: '固定试题' }, { value: 'random', label: '随机抽题' }]} value={s.mode}
        onChange={(v) => set({ mode: v as PaperSettings['mode'] })} testId='paper-mode' />
      {s.mode === 'fixed'
        ? <FixedQuestionPicker enterpriseId={enterpriseId} value={s.questions} onChange={(questions) => set({ questions })} />
        : <DrawRulesEditor value={s.rules} onChange={(rules) => set({ rules })} />}
      <Text className='tr-card__meta' data-testid='paper-total'>总分 {total} 分</Text>
      <TextField label='及格分' value={String(s.pass_score)} type='number' maxLength={5} onChange={(v) => set({ pass_score: Number(v) || 0 })} testId='paper-pass-score' />
      <TextField label='考试时长（分钟）' value={String(s.duration_minutes)} type='number' maxLength={3} onChange={(v) => set({ duration_minutes: Number(v) || 0 })} testId='paper-duration' />
      <DateField label='开始日期' value={shanghaiDate(s.opens_at)} onChange={(d) => set({ opens_at: startOfDay(d) })} testId='paper-opens' />
      <DateField label='结束日期' value={shanghaiDate(s.closes_at)} onChange={(d) => set({ closes_at: endOfDay(d) })} testId='paper-closes' />
      <TextField label='考试次数上限（空：不限）' value={s.attempt_limit?.toString() ?? ''} type='number' maxLength={3} onChange={(v) => set({ attempt_limit: num(v) })} testId='paper-attempts' />
      <TextField label='切屏次数上限（达到即自动交卷；空：不限）' value={s.leave_limit?.toString() ?? ''} type='number' maxLength={3} onChange={(v) => set({ leave_limit: num(v) })} testId='paper-leave-limit' />
      <ChoiceChips label='打乱题目顺序' options={YES_NO} value={s.shuffle_questions ? 'yes' : 'no'} onChange={(v) => set({ shuffle_questions: v === 'yes' })} testId='paper-shuffle-questions' />
      <ChoiceChips label='打乱选项顺序' options={YES_NO} value={s.shuffle_options ? 'yes' : 'no'} onChange={(v) => set({ shuffle_options: v === 'yes' })} testId='paper-shuffle-options' />
      <ChoiceChips label='交卷后学员可查看' options={options(REVIEW_LABELS)} value={s.review_after_submit} onChange={(v) => set({ review_after_submit: v as ReviewPolicy })} testId='paper-review-submit' />
      <ChoiceChips label='考试结束后学员可查看' options={options(REVIEW_LABELS)} value={s.review_after_close} onChange={(v) => set({ review_after_close: v as ReviewPolicy })} testId='paper-review-close' />
      <ChoiceChips label='通过后发证书' options={YES_NO} value={s.certificate ? 'yes' : 'no'} onChange={(v) => set({ certificate: v === 'yes' })} testId='paper-certificate' />
      <TextField label='通过积分' value={String(s.points)} type='number' maxLength={4} onChange={(v) => set({ points: Number(v) || 0 })} testId='paper-points' />
      <FormError message={action.error} testId='paper-form-error' />
      <WideButton busy={action.busy} testId='paper-publish' onClick={() => void save(true)}>
        {paper?.status === 'published' ? '保存（已发布）' : '保存并发布'}
      </WideButton>
      <WideButton busy={action.busy} type='default' testId='paper-save' onClick={() => void save(false)}>
        保存
      </WideButton>
      {paper && <ArchiveAction kind='paper' id={paper.id} archived={paper.status === 'archived'} onChanged={() => onSaved(paper.id)} />}
    </View>
  );
}
