// Question import from XLSX (issue 16): the app sends the file (base64) and gets its first sheet's
// cells back; it then maps the template's columns and calls training_import_questions, which checks
// the manager's rights and every row. Parsing here keeps a spreadsheet library out of the
// mini-program; the file is read in memory and never stored.
import { fail, json } from '../_shared/http.ts';
import { memberPost } from '../_shared/member-post.ts';
import { firstSheetRows, XlsxError } from './xlsx.ts';

const MAX_BASE64 = Math.ceil((5 * 1024 * 1024 * 4) / 3) + 4;

export async function handler(req: Request): Promise<Response> {
  const start = await memberPost(req);
  if (!start.ok) return start.response;
  const file = (start.body as { file?: unknown } | undefined)?.file;
  if (typeof file !== 'string' || file.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(file)) {
    return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  }
  if (file.length > MAX_BASE64) return fail(413, 'file_too_large', '文件不能超过 5 MB');
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(file), (c) => c.charCodeAt(0));
  } catch {
    return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  }
  try {
    return json({ rows: await firstSheetRows(bytes) });
  } catch (e) {
    if (e instanceof XlsxError && e.message === 'too many rows') return fail(400, 'too_many_rows', '一次最多导入1000道题');
    // a damaged or non-XLSX file (including a failed inflate) is the caller's input, never a 5xx
    return fail(400, 'xlsx_invalid', '无法读取该文件，请确认是 .xlsx 格式，或另存为 CSV 后导入');
  }
}
