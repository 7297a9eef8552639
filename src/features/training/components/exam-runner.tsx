import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui/button';
import { formatRemaining } from '../lib/countdown';
import type { useExam } from '../hooks/use-exam';
import { ExamResult } from './exam-result';
import { QuestionCard } from './question-card';
import './training.css';

export interface ExamRunnerProps {
  exam: ReturnType<typeof useExam>;
}

/** The exam: the server-clock timer, the frozen questions in this attempt's order, submit, then the result. */
export function ExamRunner({ exam }: ExamRunnerProps) {
  const v = exam.view;
  if (!v) return null;
  if (v.status === 'submitted') return <ExamResult attempt={v} />;
  const answered = v.questions.filter((q) => exam.answers[q.position]?.length).length;
  return (
    <View data-testid='exam-runner'>
      <View className='tr-card tr-exam__bar'>
        <Text className='tr-card__title'>{v.title}</Text>
        <Text className='tr-card__meta' role='timer' data-testid='exam-timer'>
          剩余时间 {formatRemaining(exam.remaining)} · 已答 {answered}/{v.questions.length}
          {v.leave_limit ? ` · 离开页面 ${v.leave_count}/${v.leave_limit} 次后自动交卷` : ''}
        </Text>
      </View>
      {v.questions.map((q, i) => (
        <QuestionCard key={q.position} question={q} index={i + 1} answer={exam.answers[q.position] ?? null} onChange={(a) => void exam.answer(q.position, a)} />
      ))}
      {exam.error && <Text role='alert'>{exam.error}</Text>}
      <Button type='primary' block disabled={exam.busy} data-testid='exam-submit' onClick={() => void exam.submit()}>
        {answered < v.questions.length ? `交卷（还有 ${v.questions.length - answered} 题未答）` : '交卷'}
      </Button>
    </View>
  );
}
