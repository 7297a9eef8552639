import { readMyProfile } from '../schemas/my-profile';
import { displayNameSchema } from '../schemas/profile.schema';

describe('displayNameSchema (same rule as update_my_profile)', () => {
  it('trims and accepts 1–40 characters', () => {
    expect(displayNameSchema.parse('  张三  ')).toBe('张三');
    expect(displayNameSchema.parse('李'.repeat(40))).toHaveLength(40);
  });

  it('counts characters, not UTF-16 units, like Postgres char_length', () => {
    // 40 emoji are 80 UTF-16 units but 40 characters.
    expect(displayNameSchema.safeParse('😀'.repeat(40)).success).toBe(true);
    expect(displayNameSchema.safeParse('😀'.repeat(41)).success).toBe(false);
  });

  it.each([
    ['', '请输入姓名'],
    ['   ', '请输入姓名'],
    ['王'.repeat(41), '姓名最多 40 个字'],
    ['张\u0000三', '姓名不能包含控制字符'],
    ['张\n三', '姓名不能包含控制字符'],
  ])('rejects %j: %s', (input, message) => {
    expect(displayNameSchema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe('readMyProfile', () => {
  it('accepts what get_my_profile returns and rejects other shapes', () => {
    const row = { id: 'u1', display_name: '张三', phone_masked: '138****8000', has_password: false };
    expect(readMyProfile(row)).toEqual(row);
    expect(readMyProfile({ ...row, phone_masked: null })).toEqual({ ...row, phone_masked: null });
    expect(readMyProfile({ ...row, extra: 1 })).toEqual(row);
    expect(readMyProfile({ ...row, has_password: 'no' })).toBeNull();
    expect(readMyProfile({ ...row, phone_masked: undefined })).toBeNull();
    expect(readMyProfile({ ...row, id: 1 })).toBeNull();
    expect(readMyProfile(null)).toBeNull();
  });
});
