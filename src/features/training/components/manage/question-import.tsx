import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppError } from '../../../../lib/errors/app-error';
import { readTableFile } from '../../../../platform/read-table-file';
import { Button } from '../../../../ui/button';
import { FormError } from '../../../../ui/form-error';
import { StatusLine } from '../../../../ui/status-line';
import { useAction } from '../../hooks/use-action';
import { QUESTION_TEMPLATE_CSV, parseCsv, tableToImportRows } from '../../lib/csv';
import { importQuestions, xlsxCells } from '../../services/training-manage.service';
import '../training.css';

export interface QuestionImportProps {
  enterpriseId: string;
  onImported(): void;
}

/**
 * 批量导入: a CSV or XLSX file in the template's columns. All or nothing: the server checks every
 * row and names each bad one by the row number people see in their spreadsheet (the header is row 1).
 */
export function QuestionImport({ enterpriseId, onImported }: QuestionImportProps) {
  const [errors, setErrors] = useState<string[]>([]);
  const action = useAction();
  const pick = async () => {
    setErrors([]);
    const answer = await action.run(async () => {
      const file = await readTableFile('question-import-file');
      if (!file) return null;
      const cells = file.kind === 'csv' ? parseCsv(file.text) : await xlsxCells(file.base64);
      let table: ReturnType<typeof tableToImportRows>;
      try {
        table = tableToImportRows(cells);
      } catch (failure) {
        throw new AppError('header_invalid', failure instanceof Error ? failure.message : '文件格式不正确');
      }
      const { rows, sheetRows } = table;
      if (rows.length === 0) throw new AppError('rows_invalid', '文件里没有题目');
      const result = await importQuestions(enterpriseId, rows);
      return { ...result, sheetRows };
    });
    if (!answer) return;
    if (answer.errors.length) {
      setErrors(answer.errors.map((e) => `第 ${answer.sheetRows[e.row - 1] ?? e.row + 1} 行：${e.message}`));
      action.setStatus('');
      return;
    }
    action.setStatus(`已导入 ${answer.imported} 道题`);
    onImported();
  };
  return (
    <View className='tr-card' data-testid='question-import'>
      <Text className='tr-card__title'>批量导入</Text>
      <Text className='tr-card__meta'>
        CSV 或 XLSX，第一行为表头：题型（单选/多选/判断/填空）、题干、选项（用 | 分隔）、答案（B、A,C、正确/错误、填空多个答案用 | 分隔）、分类、难度（1-5）、标签、解析。有任何一行不正确时整份文件都不导入。
      </Text>
      <Text className='tr-card__meta' selectable data-testid='question-template'>
        模板：{QUESTION_TEMPLATE_CSV.replace(/^\uFEFF/, '').split('\r\n')[0]}
      </Text>
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' loading={action.busy} disabled={action.busy} data-testid='question-import-pick' onClick={() => void pick()}>
          选择文件并导入
        </Button>
      </View>
      <FormError message={action.error} testId='question-import-error' />
      <StatusLine message={action.status} className='tr-card__meta' testId='question-import-status' />
      {errors.length > 0 && (
        <View role='alert' data-testid='question-import-rows'>
          <Text className='tr-manage__error'>没有导入任何题目，请改正以下 {errors.length} 行后重新导入：</Text>
          {errors.map((e) => (
            <Text key={e} className='tr-manage__error'>
              {e}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
