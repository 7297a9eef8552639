import { z } from 'zod';

// The same rules as the tenancy SQL functions and table checks (20261201060000_enterprises.sql),
// checked before a request so people see the problem next to the field.

const chars = (s: string) => [...s].length;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => chars(v) >= min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((v) => chars(v) <= max, { message: `${label}最多 ${max} 个字` })
    .refine((v) => !CONTROL.test(v), { message: `${label}不能包含控制字符` });

/** Mainland mobile; accepts +86 / 86 prefixes and spaces; gives the 11 digits. */
export const mobileSchema = z
  .string()
  .trim()
  .transform((raw) => raw.replace(/[\s-]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, ''))
  .refine((d) => d.length > 0, { message: '请填写手机号' })
  .refine((d) => /^1[3-9]\d{9}$/.test(d), { message: '请填写正确的 11 位手机号' });

export const SIZE_BANDS = [
  { value: '1-49', label: '1–49 人' },
  { value: '50-199', label: '50–199 人' },
  { value: '200-999', label: '200–999 人' },
  { value: '1000+', label: '1000 人以上' },
] as const;

export const createEnterpriseSchema = z.object({
  name: text('企业名称', 2, 60),
  industry: text('所属行业', 1, 40),
  sizeBand: z.enum(['1-49', '50-199', '200-999', '1000+'], { errorMap: () => ({ message: '请选择企业规模' }) }),
  contactName: text('联系人姓名', 1, 40),
  contactPhone: mobileSchema,
});
export type CreateEnterpriseForm = z.input<typeof createEnterpriseSchema>;

/** Invitation codes: 8 characters without look-alikes; typed codes are upper-cased, spaces dropped. */
export const invitationCodeSchema = z
  .string()
  .transform((raw) => raw.replace(/[\s-]/g, '').toUpperCase())
  .refine((c) => c.length > 0, { message: '请输入邀请码' })
  .refine((c) => /^[A-HJKMNP-Z2-9]{8}$/.test(c), { message: '邀请码为 8 位字母或数字' });

export const invitationOptionsSchema = z.object({
  role: z.enum(['admin', 'member']),
  validHours: z.number().int().min(1, '有效期至少 1 小时').max(720, '有效期最长 30 天'),
  maxUses: z.number().int().min(1, '使用次数至少 1 次').max(10000, '使用次数最多 10000 次').nullable(),
  departmentId: z.string().uuid().nullable().optional(),
});

export const departmentNameSchema = text('部门名称', 1, 40);

/**
 * A member's card in an enterprise (update_member_profile): name, title, email ('' clears it), and
 * the employee number, which only admins set.
 */
export const memberCardSchema = z.object({
  displayName: text('姓名', 1, 40),
  title: text('职位', 0, 40),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === '' || (chars(v) <= 120 && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)), { message: '请输入有效的邮箱地址' }),
  employeeNo: text('工号', 0, 32),
});
export type MemberCardForm = z.input<typeof memberCardSchema>;

/** A rejection reason (join requests, qualification review): required, 2–200 characters. */
export const rejectReasonSchema = text('拒绝原因', 2, 200);

export const MAX_ALLOWLIST = 5000;

/**
 * Parses an allow-list typed or pasted one number per line (or separated by commas / semicolons;
 * spaces inside an entry, as in '+86 138 0000 0001', are ignored).
 * Returns the distinct 11-digit numbers and the entries that are not mainland mobiles.
 */
export function parseAllowlist(raw: string): { phones: string[]; invalid: string[] } {
  const phones = new Set<string>();
  const invalid: string[] = [];
  for (const entry of raw.split(/[\r\n,，;；]+/).map((e) => e.trim()).filter(Boolean)) {
    const parsed = mobileSchema.safeParse(entry);
    if (parsed.success) phones.add(parsed.data);
    else invalid.push(entry);
  }
  return { phones: [...phones], invalid };
}

/** First message of a failed parse. */
/** The first message per field (`path[0]`), for errors shown next to each field. */
export function fieldErrors<K extends string>(error: z.ZodError): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const issue of error.issues) out[issue.path[0] as K] ??= issue.message;
  return out;
}

export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? '输入有误';
}
