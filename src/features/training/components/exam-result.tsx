import { Text, View } from '@tarojs/components';
import type { AttemptView } from '../services/training.types';
import './training.css';

export interface ExamResultProps {
  attempt: AttemptView;
}

const REASON: Record<string, string> = { deadline: '考试时间已到，系统已自动交卷', leave_limit: '离开考试页面次数过多，系统已自动交卷' };

/** What a learner sees after submitting: as much as the paper's review policy allows, no more. */
export function ExamResult({ attempt }: ExamResultProps) {
  const r = attempt.result;
  const letters = (q: AttemptView['questions'][number], ids: string[]) =>
    q.kind === 'fill' ? ids.join(' / ') : ids.map((id) => {
      const i = q.options.findIndex((o) => o.id === id);
      return q.kind === 'true_false' ? q.options[i]?.text ?? id : 'ABCDEFGH'[i] ?? id;
    }).join('');
  return (
    <View className='tr-result' data-testid='exam-result'>
      {attempt.submit_reason && REASON[attempt.submit_reason] && <Text role='status' className='tr-result__note'>{REASON[attempt.submit_reason]}</Text>}
      {!r || r.review === 'none' ? (
        <Text className='tr-result__title'>已交卷，成绩将按考试设置在之后公布</Text>
      ) : (
        <View>
          <Text className='tr-result__score' data-testid='exam-score'>{r.score} 分</Text>
          <Text className={r.passed ? 'tr-result__pass' : 'tr-result__fail'}>
            {r.passed ? '考试通过' : `未通过（及格线 ${attempt.pass_score} 分）`}
          </Text>
        </View>
      )}
      {attempt.certificate && <Text className='tr-result__note'>证书已发放，编号 {attempt.certificate.serial}</Text>}
      {r?.review === 'answers' && r.items?.map((item) => {
        const q = attempt.questions.find((x) => x.position === item.position);
        if (!q) return null;
        return (
          <View key={item.position} className='tr-review' data-testid={`review-${item.position}`}>
            <Text className='tr-question__stem'>{q.stem}</Text>
            <Text className={item.earned === q.score ? 'tr-result__pass' : 'tr-result__fail'}>
              {item.earned === q.score ? '回答正确' : '回答错误'} · 正确答案：{letters(q, item.correct_answer)}
            </Text>
            {item.explanation && <Text className='tr-review__explain'>解析：{item.explanation}</Text>}
          </View>
        );
      })}
    </View>
  );
}
