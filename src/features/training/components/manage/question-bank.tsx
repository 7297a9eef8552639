import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../../ui/button';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { LoadState } from '../../../../ui/load-state';
import { TextField } from '../../../../ui/text-field';
import { useShownLoader } from '../../hooks/use-shown-loader';
import { questionBank } from '../../services/training-manage.service';
import { QUESTION_KIND_LABELS } from './labels';
import { QuestionImport } from './question-import';
import '../training.css';

const SHELVES = [{ value: 'active', label: '题库' }, { value: 'archived', label: '已归档' }];

export interface QuestionBankProps {
  enterpriseId: string;
  onOpen(questionId: string | null): void;
}

/**
 * 培训管理 › 题库: the bank filtered by text, category or tag; new questions one by one or by import;
 * the archived questions on their own shelf (opened to restore them).
 */
export function QuestionBank({ enterpriseId, onOpen }: QuestionBankProps) {
  const [shelf, setShelf] = useState<'active' | 'archived'>('active');
  const bank = useShownLoader(() => questionBank(enterpriseId, shelf === 'archived'), `${enterpriseId}:${shelf}`);
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const f = filter.trim();
  const shown = (bank.data ?? []).filter((q) => !f || q.stem.includes(f) || q.category.includes(f) || q.tags.some((t) => t.includes(f)));
  return (
    <View data-testid='manage-questions'>
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' data-testid='manage-question-new' onClick={() => onOpen(null)}>
          新建题目
        </Button>
        <Button size='small' data-testid='manage-question-import' onClick={() => setImporting(!importing)}>
          批量导入
        </Button>
      </View>
      {importing && <QuestionImport enterpriseId={enterpriseId} onImported={bank.reload} />}
      <ChoiceChips label='显示' options={SHELVES} value={shelf} onChange={(v) => setShelf(v as 'active' | 'archived')} testId='manage-question-shelf' />
      <TextField label='筛选' value={filter} onChange={setFilter} testId='manage-question-filter' placeholder='题干、分类或标签' />
      <LoadState loading={bank.loading} error={bank.error} onRetry={bank.reload} isEmpty={bank.data?.length === 0} empty={shelf === 'archived' ? '没有已归档的题目' : '题库还没有题目'} testId='manage-questions' />
      <Text className='tr-card__meta'>共 {shown.length} 道题</Text>
      <View className='tr-list'>
        {shown.map((q) => (
          <View key={q.id} className='tr-card' role='link' data-testid={`manage-question-${q.id}`} onClick={() => onOpen(q.id)}>
            <View className='tr-card__head'>
              <Text className='tr-tag'>{QUESTION_KIND_LABELS[q.kind]}</Text>
              <Text className='tr-card__title'>{q.stem}</Text>
            </View>
            <Text className='tr-card__meta'>
              {q.category || '未分类'} · 难度 {q.difficulty}
              {q.tags.length ? ` · ${q.tags.join('、')}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
