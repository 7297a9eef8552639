// Issue 16: question import from an XLSX file through the training-xlsx function (the sheet's
// cells), mapped by the app's template columns, then training_import_questions: all or nothing,
// each bad row named by the row number people see in the spreadsheet.
import { callApi, sql } from '../support/clients';
import { tableToImportRows } from '../../src/features/training/lib/csv';
import { buildTrainingWorld, dropTrainingWorld, ok, type TrainingWorld } from './support-training/fixture';
import { xlsxOf } from './support-training/xlsx';

let w: TrainingWorld;
beforeAll(async () => {
  w = await buildTrainingWorld();
});
afterAll(async () => {
  await dropTrainingWorld(w);
});

const HEADER = ['题型', '题干', '选项', '答案', '分类', '难度', '标签', '解析'];
const cellsOf = async (file: Buffer, token = w.admin.token) => callApi('/functions/v1/training-xlsx', { token, body: { file: file.toString('base64') } });
const bankSize = async () => (await sql<{ n: number }>('select count(*)::int as n from public.training_questions where enterprise_id = $1', [w.enterpriseId]))[0].n;

describe('XLSX question import', () => {
  it('reads the sheet, and a file with bad rows imports nothing and names each bad row by its sheet row', async () => {
    const file = xlsxOf([
      HEADER,
      ['单选', 'XLSX 好的一行', '甲|乙|丙', 'B', '导入', '2', '', ''],
      [],
      ['多选', 'XLSX 答案不在选项里', '甲|乙', 'A,E', '', '', '', ''],
      ['判断', 'XLSX 判断', '', '正确', '', '9', '', ''],
    ]);
    const res = await cellsOf(file);
    expect(res.status).toBe(200);
    expect(res.body.rows[1].slice(0, 4)).toEqual(['单选', 'XLSX 好的一行', '甲|乙|丙', 'B']);
    const { rows, sheetRows } = tableToImportRows(res.body.rows);
    expect(sheetRows).toEqual([2, 4, 5]);
    const before = await bankSize();
    const answer = await ok<{ imported: number; errors: Array<{ row: number; code: string; message: string }> }>(w.admin, 'training_import_questions', {
      p_enterprise_id: w.enterpriseId, p_rows: rows,
    });
    expect(answer.imported).toBe(0);
    expect(answer.errors.map((e) => [sheetRows[e.row - 1], e.code])).toEqual([[4, 'answer_invalid'], [5, 'difficulty_invalid']]);
    for (const e of answer.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await bankSize()).toBe(before);
  });

  it('a good file imports every question', async () => {
    const res = await cellsOf(xlsxOf([HEADER, ['填空', 'XLSX 填空', '', '2FA|MFA', '导入', '3', '安全|账号', '两步验证'], ['判断', 'XLSX 判断对', '', '错误', '', '', '', '']]));
    const { rows } = tableToImportRows(res.body.rows);
    const before = await bankSize();
    expect(await ok(w.admin, 'training_import_questions', { p_enterprise_id: w.enterpriseId, p_rows: rows })).toEqual({ imported: 2, errors: [] });
    expect(await bankSize()).toBe(before + 2);
    const [q] = await sql<{ tags: string[]; difficulty: number }>(`select tags, difficulty from public.training_questions where enterprise_id = $1 and stem = 'XLSX 填空'`, [w.enterpriseId]);
    expect(q).toEqual({ tags: ['安全', '账号'], difficulty: 3 });
  });

  it('a file that is not an XLSX, a missing file or no session: 4xx with a Chinese message, never 5xx', async () => {
    const csv = await cellsOf(Buffer.from('题型,题干\n单选,x', 'utf8'));
    expect({ status: csv.status, code: csv.body.code }).toEqual({ status: 400, code: 'xlsx_invalid' });
    expect(csv.body.message).toMatch(/xlsx/i);
    const truncated = xlsxOf([HEADER, ['单选', 'x', '甲|乙', 'A']]);
    expect((await cellsOf(truncated.subarray(0, truncated.length - 30))).status).toBe(400);
    for (const body of [{}, { file: 12 }, { file: '***' }]) {
      const res = await callApi('/functions/v1/training-xlsx', { token: w.admin.token, body });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'invalid_request' });
    }
    expect((await callApi('/functions/v1/training-xlsx', { body: { file: 'UEsDBA==' } })).status).toBe(401);
  });
});
