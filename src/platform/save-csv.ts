// H5: a CSV report downloads as a file (UTF-8 with BOM, so Excel opens Chinese correctly).
export async function saveCsv(fileName: string, csv: string): Promise<'downloaded' | 'shared'> {
  const blob = new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
