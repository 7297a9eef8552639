import { z } from 'zod';

export const DISPLAY_NAME_MAX = 40;

// Same rule as public.update_my_profile: 1–40 characters after trimming (counted as Postgres
// counts them: code points, not UTF-16 units), no control characters.
export const displayNameSchema = z
  .string()
  .trim()
  .refine((name) => name.length > 0, { message: '请输入姓名' })
  .refine((name) => [...name].length <= DISPLAY_NAME_MAX, { message: `姓名最多 ${DISPLAY_NAME_MAX} 个字` })
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { message: '姓名不能包含控制字符' });
