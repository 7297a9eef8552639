import { z } from 'zod';

// Mainland China mobile numbers: 11 digits starting 13–19.
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Strips spaces and dashes and an optional +86 / 86 / 0086 prefix, then validates. */
export const phoneSchema = z
  .string({ required_error: '请输入手机号' })
  .trim()
  .transform((raw) => raw.replace(/[\s-]/g, ''))
  .transform((raw) => raw.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, ''))
  .refine((digits) => digits.length > 0, { message: '请输入手机号' })
  .refine((digits) => MAINLAND_MOBILE.test(digits), { message: '请输入正确的 11 位手机号' })
  /** E.164, as GoTrue stores and supabase-js sends it */
  .transform((digits) => `+86${digits}`);

export const otpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '请输入 6 位数字验证码');

export const PASSWORD_MIN_LENGTH = 8;
// bcrypt, which GoTrue uses, ignores bytes past 72.
export const PASSWORD_MAX_LENGTH = 72;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(PASSWORD_MAX_LENGTH, `密码最多 ${PASSWORD_MAX_LENGTH} 位`)
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), { message: '密码须同时包含字母和数字' });

export const setPasswordSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { message: '两次输入的密码不一致', path: ['confirm'] });

/** Password sign-in only checks presence: the server decides whether it is right. */
export const signInPasswordSchema = z.string().min(1, '请输入密码');

/** First error message of a failed parse, for showing next to the field. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '输入有误';
}

export type E164Phone = z.output<typeof phoneSchema>;
