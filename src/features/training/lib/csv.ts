// Question import: CSV text (as Excel/WPS save it: UTF-8 with or without BOM, CRLF, quoted cells)
// → the rows `training_import_questions` takes. The server checks every row and names each bad one;
// this only splits cells and maps the template's Chinese headers.

export interface ImportRow {
  kind?: string;
  stem?: string;
  options?: string;
  answer?: string;
  category?: string;
  difficulty?: string;
  tags?: string;
  explanation?: string;
}

const HEADERS: Record<string, keyof ImportRow> = {
  题型: 'kind', 题干: 'stem', 选项: 'options', 答案: 'answer', 分类: 'category', 难度: 'difficulty', 标签: 'tags', 解析: 'explanation',
  kind: 'kind', stem: 'stem', options: 'options', answer: 'answer', category: 'category', difficulty: 'difficulty', tags: 'tags', explanation: 'explanation',
};

/** The template a manager downloads: headers and one example of each kind. */
export const QUESTION_TEMPLATE_CSV =
  '\uFEFF题型,题干,选项,答案,分类,难度,标签,解析\r\n' +
  '单选,收到可疑邮件应当？,直接打开附件|报告安全团队|转发给同事,B,合规,1,安全,可疑邮件应报告安全团队\r\n' +
  '多选,哪些属于敏感信息？,身份证号|公司地址|客户手机号,"A,C",合规,2,,\r\n' +
  '判断,可以把密码写在便利贴上。,,错误,合规,1,,\r\n' +
  '填空,双因素认证的英文缩写是____。,,2FA|MFA,合规,2,,\r\n';

/** RFC 4180 cells: quotes, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** Rows keyed by the template's headers; unknown columns are ignored. Throws without a 题干 column. */
export function csvToImportRows(text: string): ImportRow[] {
  return tableToImportRows(parseCsv(text)).rows;
}

/**
 * The same from a sheet's cells (also an XLSX file's first sheet, as the training-xlsx function reads
 * it), with each row's number in the sheet (the header is row 1), so an error names the row people see.
 */
export function tableToImportRows(cells: string[][]): { rows: ImportRow[]; sheetRows: number[] } {
  const numbered = cells.map((r, i) => ({ r, n: i + 1 })).filter(({ r }) => r.some((v) => v.trim() !== ''));
  const [header, ...body] = numbered;
  const keys = (header?.r ?? []).map((h) => HEADERS[h.trim()]);
  if (!keys.includes('stem')) throw new Error('文件第一行须是表头，且包含“题干”列');
  const rows = body.map(({ r: cellsOfRow }) => {
    const row: ImportRow = {};
    keys.forEach((k, i) => {
      if (k && cellsOfRow[i] !== undefined && cellsOfRow[i].trim() !== '') row[k] = cellsOfRow[i].trim();
    });
    return row;
  });
  return { rows, sheetRows: body.map(({ n }) => n) };
}
