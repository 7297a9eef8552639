import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../../ui/button';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { FormError } from '../../../../ui/form-error';
import { TextField } from '../../../../ui/text-field';
import { WideButton } from '../../../../ui/wide-button';
import { useAction } from '../../hooks/use-action';
import { saveQuestion } from '../../services/training-manage.service';
import type { ManagedQuestion, QuestionDraft, QuestionKey } from '../../services/training-manage.types';
import type { QuestionKind } from '../../services/training.types';
import { ArchiveAction } from './archive-action';
import { DIFFICULTY_OPTIONS, options, QUESTION_KIND_LABELS } from './labels';
import '../training.css';

export interface QuestionFormProps {
  enterpriseId: string;
  /** an existing question with its key, or null for a new one */
  question: (ManagedQuestion & QuestionKey) | null;
  onSaved(questionId: string): void;
}

const letter = (i: number) => String.fromCharCode(65 + i);
const split = (text: string) => text.split(/[|,，、]/).map((s) => s.trim()).filter(Boolean);

/** One question of the bank: kind, stem, options and key, category, difficulty, tags, explanation. */
export function QuestionForm({ enterpriseId, question, onSaved }: QuestionFormProps) {
  const [kind, setKind] = useState<QuestionKind>(question?.kind ?? 'single');
  const [stem, setStem] = useState(question?.stem ?? '');
  const [choices, setChoices] = useState<string[]>(question?.kind === 'single' || question?.kind === 'multiple' ? question.options.map((o) => o.text) : ['', '', '', '']);
  const [correct, setCorrect] = useState<string[]>(question?.answer ?? []);
  const [accepted, setAccepted] = useState(question?.kind === 'fill' ? question.answer.join('|') : '');
  const [category, setCategory] = useState(question?.category ?? '');
  const [difficulty, setDifficulty] = useState(String(question?.difficulty ?? 2));
  const [tags, setTags] = useState((question?.tags ?? []).join('|'));
  const [explanation, setExplanation] = useState(question?.explanation ?? '');
  const action = useAction();
  const filled = choices.map((c) => c.trim()).filter(Boolean);
  const answerOf = (): QuestionDraft['answer'] => {
    if (kind === 'true_false') return correct[0] === 'T';
    if (kind === 'fill') return split(accepted);
    return kind === 'single' ? correct[0] ?? '' : correct;
  };
  const pick = (id: string) =>
    setCorrect((list) => (kind === 'multiple' ? (list.includes(id) ? list.filter((x) => x !== id) : [...list, id].sort()) : [id]));
  const save = async () => {
    const draft: QuestionDraft = { kind, stem, options: filled, answer: answerOf(), category, difficulty: Number(difficulty), tags: split(tags), explanation };
    const id = await action.run(() => saveQuestion(enterpriseId, question?.id ?? null, draft));
    if (id) onSaved(id);
  };
  return (
    <View data-testid='question-form'>
      <ChoiceChips label='题型' options={options(QUESTION_KIND_LABELS)} value={kind} onChange={(v) => { setKind(v as QuestionKind); setCorrect([]); }} testId='question-kind' />
      <View className='field'>
        <Text className='field__label'>题干</Text>
        <Textarea className='tr-manage__textarea' maxlength={1000} value={stem} onInput={(e) => setStem(e.detail.value)} aria-label='题干' data-testid='question-stem' />
      </View>
      {(kind === 'single' || kind === 'multiple') && (
        <>
          {choices.map((c, i) => (
            <TextField key={i} label={`选项 ${letter(i)}`} value={c} maxLength={200} testId={`question-option-${letter(i)}`}
              onChange={(v) => setChoices((list) => list.map((x, j) => (j === i ? v : x)))} />
          ))}
          {choices.length < 8 && (
            <Button size='small' data-testid='question-option-add' onClick={() => setChoices((list) => [...list, ''])}>
              添加选项
            </Button>
          )}
          <ChoiceChips label={kind === 'single' ? '正确答案' : '正确答案（多选）'} options={filled.map((_, i) => ({ value: letter(i), label: letter(i) }))}
            value={kind === 'multiple' ? correct : correct[0] ?? ''} onChange={pick} testId='question-answer' />
        </>
      )}
      {kind === 'true_false' && (
        <ChoiceChips label='正确答案' options={[{ value: 'T', label: '正确' }, { value: 'F', label: '错误' }]} value={correct[0] ?? ''} onChange={(v) => setCorrect([v])} testId='question-answer' />
      )}
      {kind === 'fill' && (
        <TextField label='可接受的答案（用 | 分隔）' value={accepted} onChange={setAccepted} testId='question-accepted' maxLength={1000}>
          <Text className='tr-card__meta'>判分时忽略首尾空格、全角半角和大小写</Text>
        </TextField>
      )}
      <TextField label='分类' value={category} onChange={setCategory} testId='question-category' maxLength={30} />
      <ChoiceChips label='难度' options={DIFFICULTY_OPTIONS} value={difficulty} onChange={setDifficulty} testId='question-difficulty' />
      <TextField label='标签（用 | 分隔）' value={tags} onChange={setTags} testId='question-tags' maxLength={200} />
      <View className='field'>
        <Text className='field__label'>解析</Text>
        <Textarea className='tr-manage__textarea' maxlength={2000} value={explanation} onInput={(e) => setExplanation(e.detail.value)} aria-label='解析' data-testid='question-explanation' />
      </View>
      <FormError message={action.error} testId='question-form-error' />
      <WideButton busy={action.busy} testId='question-save' onClick={() => void save()}>
        保存题目
      </WideButton>
      {question && <ArchiveAction kind='question' id={question.id} archived={question.archived} onChanged={() => onSaved(question.id)} />}
    </View>
  );
}
