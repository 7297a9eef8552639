import { AppError, NETWORK_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { stepFor } from '../hooks/use-onboarding';
import { isFixableGate, isGateCode, mapError, toAppError } from '../../../lib/data';
import { IDENTITY_MESSAGES } from '../identity.messages';

// The identity module's use of the one mapper (src/lib/data/errors.ts) with its message table.
const fromPostgrestError = (error: { code: string; message: string; hint: string }) => mapError(error, IDENTITY_MESSAGES);
const fromFunctionsError = (error: unknown) => toAppError(error, IDENTITY_MESSAGES);
const toIdentityError = (error: unknown) => mapError(error, IDENTITY_MESSAGES);
import type { ConsentStatus } from '../services/identity.types';

describe('fromPostgrestError', () => {
  it('maps a gate refusal to its stable code and Chinese text', () => {
    const error = fromPostgrestError({ code: '42501', message: 'consent_required', hint: '请先阅读并同意最新的用户协议和隐私政策' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('consent_required');
    expect(error.message).toBe('请先阅读并同意最新的用户协议和隐私政策');
    expect(isGateCode(error.code)).toBe(true);
    expect(isFixableGate(error)).toBe(true);
  });

  it('recognises account standing as a gate the user cannot fix', () => {
    const error = fromPostgrestError({ code: '42501', message: 'account_suspended', hint: '' });
    expect(isGateCode(error.code)).toBe(true);
    expect(isFixableGate(error)).toBe(false);
    expect(error.message).toBe('你的账号已被暂停使用，如有疑问请联系客服');
  });

  it('uses the server hint for a code the app does not know yet', () => {
    const error = fromPostgrestError({ code: '22023', message: 'brand_new_rule', hint: '新的规则说明' });
    expect(error).toMatchObject({ code: 'brand_new_rule', message: '新的规则说明' });
  });

  it('never shows Postgres’ English text for a value of the wrong type', () => {
    const error = fromPostgrestError({ code: '22007', message: 'invalid input syntax for type date: "x"', hint: '' });
    expect(error).toMatchObject({ code: 'invalid_request', message: '请求参数有误，请检查后重试' });
  });

  it('reports a failed request as a network error', () => {
    expect(fromPostgrestError({ code: '', message: 'TypeError: Failed to fetch', hint: '' })).toMatchObject({ code: 'network', message: NETWORK_ERROR_MESSAGE });
  });
});

describe('fromFunctionsError', () => {
  function httpError(status: number, body: unknown): Error {
    // The shape functions-js gives: the raw HTTP response on `context` (jsdom has no Response).
    const text = JSON.stringify(body);
    const response = { status, json: async () => JSON.parse(text) as unknown, clone: () => response };
    const error = new Error('Edge Function returned a non-2xx status code') as Error & { context: unknown };
    error.name = 'FunctionsHttpError';
    error.context = response;
    return error;
  }

  it('reads the stable code from the function’s body', async () => {
    const error = await fromFunctionsError(httpError(400, { code: 'code_invalid', message: '验证码错误' }));
    expect(error).toMatchObject({ code: 'code_invalid', message: '验证码错误' });
  });

  it('recognises the gate’s 403 from a function', async () => {
    const error = await fromFunctionsError(httpError(403, { code: 'account_terminated', message: '你的账号已被终止，无法继续使用' }));
    expect(isGateCode(error.code)).toBe(true);
  });

  it('treats an unreachable function as a network error', async () => {
    const error = new Error('Failed to send a request to the Edge Function');
    error.name = 'FunctionsFetchError';
    await expect(fromFunctionsError(error)).resolves.toMatchObject({ code: 'network' });
  });

  it('does not invent a code from a body without one', async () => {
    await expect(fromFunctionsError(httpError(500, ['oops']))).resolves.toMatchObject({ code: 'unknown' });
  });
});

describe('toIdentityError', () => {
  it('passes AppErrors through and maps anything else to a generic message', () => {
    const known = new AppError('code_expired', '验证码已过期，请重新获取');
    expect(toIdentityError(known)).toBe(known);
    expect(toIdentityError(new TypeError('Failed to fetch')).code).toBe('network');
    expect(toIdentityError('???').code).toBe('unknown');
  });
});

describe('stepFor', () => {
  const base: ConsentStatus = {
    cleared: false,
    gate: null,
    gate_hint: null,
    missing: [],
    birth_date_set: true,
    birth_date_locked: false,
    age_band: 'adult',
    guardian: { needed: false, status: 'not_needed', name: null, relationship: null, phone_masked: null, confirmed_at: null, children_statement_needed: false },
    account_status: 'active',
  };
  const item = { document_id: 'd', slug: 's', kind: 'privacy' as const, title: 't', audience: 'everyone' as const, version_id: 'v', version: 2, version_title: 't', effective_at: '', previously_consented_version: 1 };

  it('follows the gate’s order: standing, birth date, agreements, guardian', () => {
    expect(stepFor({ ...base, account_status: 'suspended', birth_date_set: false })).toBe('blocked');
    expect(stepFor({ ...base, birth_date_set: false })).toBe('birth');
    expect(stepFor({ ...base, missing: [{ ...item, required: true, needs_guardian: false }] })).toBe('agreements');
    expect(stepFor({ ...base, age_band: 'under_18', guardian: { ...base.guardian, needed: true, status: 'missing' } })).toBe('guardian');
    expect(stepFor({ ...base, missing: [{ ...item, required: true, needs_guardian: true }] })).toBe('guardian');
  });

  it('is done once cleared, even with an optional document left undecided', () => {
    expect(stepFor({ ...base, cleared: true, missing: [{ ...item, required: false, needs_guardian: false }] })).toBe('done');
  });
});
