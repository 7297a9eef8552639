import { Text, View } from '@tarojs/components';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { Button } from '../../../../ui/button';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { LoadState } from '../../../../ui/load-state';
import { TextField } from '../../../../ui/text-field';
import { questionBank } from '../../services/training-manage.service';
import type { PaperSettings } from '../../services/training-manage.types';
import { DIFFICULTY_OPTIONS, QUESTION_KIND_LABELS } from './labels';
import '../training.css';

type Fixed = PaperSettings['questions'];
type Rules = PaperSettings['rules'];

/** A fixed paper's questions: tap a question of the bank to add or remove it; each with its score. */
export function FixedQuestionPicker({ enterpriseId, value, onChange }: { enterpriseId: string; value: Fixed; onChange(v: Fixed): void }) {
  const bank = useLoader(() => questionBank(enterpriseId), enterpriseId);
  const toggle = (id: string) =>
    onChange(value.some((q) => q.question_id === id) ? value.filter((q) => q.question_id !== id) : [...value, { question_id: id, score: 25 }]);
  return (
    <View data-testid='paper-questions'>
      <Text className='tr-card__meta'>已选 {value.length} 题，共 {value.reduce((n, q) => n + q.score, 0)} 分</Text>
      <LoadState loading={bank.loading} error={bank.error} onRetry={bank.reload} isEmpty={bank.data?.length === 0} empty='题库还没有题目' testId='paper-bank' />
      {bank.data?.map((q) => {
        const chosen = value.find((x) => x.question_id === q.id);
        return (
          <View key={q.id} className={`tr-option ${chosen ? 'tr-option--chosen' : ''}`} role='checkbox' aria-checked={Boolean(chosen)}
            data-testid={`paper-question-${q.id}`} onClick={() => toggle(q.id)}>
            <Text className='tr-option__letter'>{QUESTION_KIND_LABELS[q.kind]}</Text>
            <Text>{q.stem}</Text>
          </View>
        );
      })}
      {value.length > 0 && (
        <TextField label='每题分数' value={String(value[0].score)} type='number' maxLength={3} testId='paper-question-score'
          onChange={(v) => onChange(value.map((q) => ({ ...q, score: Number(v) || 0 })))} />
      )}
    </View>
  );
}

/** A random paper's draw rules: per category and difficulty, how many questions at what score. */
export function DrawRulesEditor({ value, onChange }: { value: Rules; onChange(v: Rules): void }) {
  const set = (i: number, patch: Partial<Rules[number]>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <View data-testid='paper-rules'>
      {value.map((r, i) => (
        <View key={i} className='tr-card' data-testid={`paper-rule-${i}`}>
          <TextField label='分类' value={r.category} onChange={(v) => set(i, { category: v })} testId={`paper-rule-${i}-category`} maxLength={30} placeholder='空：未分类的题' />
          <ChoiceChips label='难度' options={[{ value: '', label: '不限' }, ...DIFFICULTY_OPTIONS]} value={r.difficulty ? String(r.difficulty) : ''}
            onChange={(v) => set(i, { difficulty: v ? Number(v) : null })} testId={`paper-rule-${i}-difficulty`} />
          <TextField label='抽题数' value={String(r.count)} type='number' maxLength={3} onChange={(v) => set(i, { count: Number(v) || 0 })} testId={`paper-rule-${i}-count`} />
          <TextField label='每题分数' value={String(r.score)} type='number' maxLength={3} onChange={(v) => set(i, { score: Number(v) || 0 })} testId={`paper-rule-${i}-score`} />
          <Button size='small' data-testid={`paper-rule-${i}-remove`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            删除规则
          </Button>
        </View>
      ))}
      <Button size='small' data-testid='paper-rule-add' onClick={() => onChange([...value, { category: '', difficulty: null, count: 5, score: 10 }])}>
        添加抽题规则
      </Button>
    </View>
  );
}
