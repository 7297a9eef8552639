import { createEnterpriseSchema, invitationCodeSchema, invitationOptionsSchema, parseAllowlist, rejectReasonSchema } from '../schemas/enterprise.schema';

describe('enterprise schemas', () => {
  const valid = { name: '星河科技', industry: '互联网', sizeBand: '50-199', contactName: '张伟', contactPhone: '+86 138-0000-0001' };

  it('accepts a complete form and normalises the contact phone to 11 digits', () => {
    const parsed = createEnterpriseSchema.parse(valid);
    expect(parsed.contactPhone).toBe('13800000001');
    expect(parsed.name).toBe('星河科技');
  });

  it.each([
    [{ name: '星' }, '企业名称至少 2 个字'],
    [{ name: '星'.repeat(61) }, '企业名称最多 60 个字'],
    [{ industry: '  ' }, '请填写所属行业'],
    [{ contactPhone: '12345' }, '请填写正确的 11 位手机号'],
    [{ sizeBand: '10' }, '请选择企业规模'],
  ])('refuses %j with a Chinese message', (patch, message) => {
    const result = createEnterpriseSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.message)).toContain(message);
  });

  it('normalises typed invitation codes and refuses look-alike characters', () => {
    expect(invitationCodeSchema.parse(' abcd-2345 ')).toBe('ABCD2345');
    expect(invitationCodeSchema.safeParse('ABCD0O1I').success).toBe(false);
    expect(invitationCodeSchema.safeParse('').success).toBe(false);
  });

  it('keeps invitation options inside the server limits', () => {
    expect(invitationOptionsSchema.safeParse({ role: 'member', validHours: 720, maxUses: null }).success).toBe(true);
    expect(invitationOptionsSchema.safeParse({ role: 'member', validHours: 721, maxUses: null }).success).toBe(false);
    expect(invitationOptionsSchema.safeParse({ role: 'member', validHours: 24, maxUses: 0 }).success).toBe(false);
    expect(invitationOptionsSchema.safeParse({ role: 'owner', validHours: 24, maxUses: 1 }).success).toBe(false);
  });

  it('parses a pasted allow-list: distinct numbers, prefixes removed, bad entries reported', () => {
    const { phones, invalid } = parseAllowlist('13800000001\n+86 138 0000 0002, 8613800000001；12345\nabc\n\n');
    expect(phones).toEqual(['13800000001', '13800000002']);
    expect(invalid).toEqual(['12345', 'abc']);
  });

  it('needs a real rejection reason', () => {
    expect(rejectReasonSchema.safeParse(' 不 ').success).toBe(false);
    expect(rejectReasonSchema.parse(' 材料不清晰 ')).toBe('材料不清晰');
  });
});
