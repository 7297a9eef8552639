import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
import { LoadState } from '../../../ui/load-state';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const r = await report(targetType, targetId, category, note.trim());
      onDone(r.hidden);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

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
      {error && <View className='form-error' role='alert'>{error}</View>}
      <Button type='primary' block disabled={!category || busy} onClick={() => void submit()} data-testid='community-report-submit'>
        提交举报
      </Button>
    </View>
  );
}
