import { AppError } from '../../../lib/errors/app-error';
import { mapError } from '../../../lib/data';
import { ENTERPRISE_MESSAGES } from '../enterprise.messages';

// The enterprise module's use of the one mapper (src/lib/data/errors.ts) with its message table.
const toEnterpriseError = (error: unknown) => mapError(error, ENTERPRISE_MESSAGES);

describe('toEnterpriseError', () => {
  it("keeps the server's stable code and shows its Chinese hint", () => {
    const error = toEnterpriseError({ code: 'P0001', message: 'last_admin', hint: '你是唯一的管理员，请先指定其他管理员再退出', details: '' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('last_admin');
    expect(error.message).toBe('你是唯一的管理员，请先指定其他管理员再退出');
  });

  it('falls back to the app wording when the server sends no hint', () => {
    expect(toEnterpriseError({ code: '42501', message: 'not_enterprise_admin', hint: null, details: '' }).message).toBe('仅企业管理员可以执行此操作');
    expect(toEnterpriseError({ code: '42501', message: 'consent_required', hint: '', details: '' }).message).toContain('协议');
  });

  it('never shows Postgres English text or network internals', () => {
    expect(toEnterpriseError({ code: '22P02', message: 'invalid input syntax for type uuid: "x"', hint: null, details: '' }).code).toBe('invalid_request');
    expect(toEnterpriseError({ code: '', message: 'TypeError: Failed to fetch', hint: '', details: '' }).code).toBe('network');
    expect(toEnterpriseError(new TypeError('fetch failed')).code).toBe('network');
    expect(toEnterpriseError({ code: 'XX000', message: 'something broke', hint: null, details: '' }).message).toBe('操作失败，请稍后重试');
  });
});
