import { downloadText } from './text-file';

// H5: a CSV report downloads as a file (UTF-8 with BOM, so Excel opens Chinese correctly).
export async function saveCsv(fileName: string, csv: string): Promise<'downloaded' | 'shared'> {
  downloadText(fileName, csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`, 'text/csv;charset=utf-8');
  return 'downloaded';
}
