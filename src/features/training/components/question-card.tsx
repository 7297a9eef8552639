import { Text, View } from '@tarojs/components';
import { Input } from '../../../ui/input';
import type { Answer, AttemptQuestion } from '../services/training.types';
import './training.css';

export interface QuestionCardProps {
  question: AttemptQuestion;
  /** shown number (1-based), independent of the frozen position */
  index: number;
  answer: Answer;
  disabled?: boolean;
  onChange(answer: Answer): void;
}

const KIND_LABEL: Record<AttemptQuestion['kind'], string> = { single: '单选', multiple: '多选', true_false: '判断', fill: '填空' };
const LETTERS = 'ABCDEFGH';

/** One exam question. Options are labelled by their place on screen (A, B, …), not their ids. */
export function QuestionCard({ question, index, answer, disabled = false, onChange }: QuestionCardProps) {
  const chosen = new Set(answer ?? []);
  const pick = (id: string) => {
    if (disabled) return;
    if (question.kind === 'multiple') {
      const next = chosen.has(id) ? [...chosen].filter((x) => x !== id) : [...chosen, id];
      onChange(next.length ? next.sort() : null);
    } else {
      onChange([id]);
    }
  };
  return (
    <View className='tr-question' data-testid={`question-${question.position}`}>
      <View className='tr-question__head'>
        <Text className='tr-tag'>{KIND_LABEL[question.kind]}</Text>
        <Text className='tr-question__stem'>
          {index}. {question.stem}（{question.score}分）
        </Text>
      </View>
      {question.kind === 'fill' ? (
        <Input
          className='tr-question__input'
          aria-label={`第${index}题答案`}
          data-testid={`fill-${question.position}`}
          value={answer?.[0] ?? ''}
          maxLength={200}
          disabled={disabled}
          placeholder='请输入答案'
          onChange={(value: string) => onChange(value ? [value] : null)}
        />
      ) : (
        question.options.map((o, i) => (
          <View
            key={o.id}
            role={question.kind === 'multiple' ? 'checkbox' : 'radio'}
            aria-checked={chosen.has(o.id)}
            aria-disabled={disabled}
            className={`tr-option${chosen.has(o.id) ? ' tr-option--chosen' : ''}`}
            onClick={() => pick(o.id)}
          >
            <Text className='tr-option__letter'>{question.kind === 'true_false' ? '' : LETTERS[i]}</Text>
            <Text>{o.text}</Text>
          </View>
        ))
      )}
    </View>
  );
}
