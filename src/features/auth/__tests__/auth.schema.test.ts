import { otpCodeSchema, passwordSchema, phoneSchema, setPasswordSchema } from '../schemas/auth.schema';

describe('phoneSchema', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['+8613800138000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    [' 138 0013 8000 ', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['19912345678', '+8619912345678'],
  ])('normalises %j to E.164 %s', (input, expected) => {
    expect(phoneSchema.parse(input)).toBe(expected);
  });

  it.each([
    ['', '请输入手机号'],
    ['1380013800', '请输入正确的 11 位手机号'],
    ['138001380001', '请输入正确的 11 位手机号'],
    ['12800138000', '请输入正确的 11 位手机号'],
    ['+1 415 555 0100', '请输入正确的 11 位手机号'],
    ['1380013800a', '请输入正确的 11 位手机号'],
  ])('rejects %j with a Chinese message', (input, message) => {
    const result = phoneSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('otpCodeSchema', () => {
  it('accepts exactly six digits', () => {
    expect(otpCodeSchema.parse('012345')).toBe('012345');
    expect(otpCodeSchema.parse(' 123456 ')).toBe('123456');
  });

  it.each(['12345', '1234567', '12345a', ''])('rejects %j', (input) => {
    expect(otpCodeSchema.safeParse(input).success).toBe(false);
  });
});

describe('passwordSchema', () => {
  it('accepts 8+ characters with letters and digits', () => {
    expect(passwordSchema.safeParse('abcd1234').success).toBe(true);
    expect(passwordSchema.safeParse('Zhixiang2026!').success).toBe(true);
  });

  it.each([
    ['abc123', '密码至少 8 位'],
    ['abcdefgh', '密码须同时包含字母和数字'],
    ['12345678', '密码须同时包含字母和数字'],
    ['a1'.repeat(37), '密码最多 72 位'],
  ])('rejects %j: %s', (input, message) => {
    expect(passwordSchema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });

  it('requires the confirmation to match', () => {
    const result = setPasswordSchema.safeParse({ password: 'abcd1234', confirm: 'abcd12345' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['confirm'], message: '两次输入的密码不一致' });
    expect(setPasswordSchema.safeParse({ password: 'abcd1234', confirm: 'abcd1234' }).success).toBe(true);
  });
});
