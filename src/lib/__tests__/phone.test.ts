import { localPhone, maskPhone } from '../phone';

describe('phone numbers as people see them', () => {
  it('masks a mainland mobile however the database spelled it', () => {
    for (const raw of ['+8613812341234', '8613812341234', '13812341234', '+86 138 1234 1234']) expect(maskPhone(raw)).toBe('138****1234');
  });

  it('dials the local number, without +86', () => {
    expect(localPhone('+8613812341234')).toBe('13812341234');
  });

  it('never shows a full number of another shape, and leaves short numbers alone', () => {
    expect(maskPhone('+85291234567')).toBe('852****4567');
    expect(maskPhone('110')).toBe('110');
  });
});
