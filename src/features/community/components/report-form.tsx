import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { useLoader } from '../../../lib/hooks/use-loader';
import { FormError } from '../../../ui/form-error';
import { LoadState } from '../../../ui/load-state';
import { WideButton } from '../../../ui/wide-button';
import { report, reportCategories } from '../services/community.service';
import './community.css';

export interface ReportFormProps {
  targetType: 'post' | 'comment';
  targetId: string;
  onDone(hidden: boolean): void;
}

/** 举报: the agreement's categories (LX 4.4) with their clause, and a note. */
export function ReportForm({ targetType, targetId, onDone }: ReportFormProps) {
  const cats = useLoader(reportCategories, 'categories');
  const [category, setCategory] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = () => void action.run(async () => onDone((await report(targetType, targetId, category, note.trim())).hidden));

  if (!cats.data) return <LoadState loading={cats.loading} error={cats.error} onRetry={cats.reload} testId='community-report-state' />;
  return (
    <View className='card' data-testid='community-report'>
      <Text className='field__label'>举报类型</Text>
      <View role='radiogroup' aria-label='举报类型'>
        {cats.data.map((c) => (
          <View key={c.code} role='radio' aria-checked={category === c.code} className={`link-cell ${category === c.code ? 'zx-chip--on' : ''}`}
            data-testid={`community-report-${c.code}`} onClick={() => setCategory(c.code)}>
            <Text>{category === c.code ? '● ' : '○ '}{c.label}</Text>
            <Text className='community-post-card__meta'> {c.clause}</Text>
          </View>
        ))}
      </View>
      <View className='field'>
        <Text className='field__label'>补充说明（选填）</Text>
        <Textarea className='community-textarea' maxlength={500} value={note} onInput={(e) => setNote(e.detail.value)}
          aria-label='补充说明' data-testid='community-report-note' />
      </View>
      <FormError message={action.error} />
      <WideButton busy={action.busy} disabled={!category || action.busy} onClick={submit} testId='community-report-submit'>提交举报</WideButton>
    </View>
  );
}
