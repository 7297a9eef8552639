import { render, screen } from '@testing-library/react';
import { BlockedNotice } from '../components/blocked-notice';
import { stepFor } from '../hooks/use-onboarding';
import { isFixableGate, isGateCode } from '../../../lib/data';
import type { ConsentStatus } from '../services/identity.types';

// A project deployed without `npm run setup:production`: the database refuses everyone with
// `platform_not_initialized`, which the user cannot fix in onboarding.
const status: ConsentStatus = {
  cleared: false,
  gate: 'platform_not_initialized',
  gate_hint: '平台尚未完成初始化，请稍后再试',
  missing: [],
  birth_date_set: true,
  birth_date_locked: false,
  age_band: 'adult',
  guardian: { needed: false, status: 'not_needed', name: null, relationship: null, phone_masked: null, confirmed_at: null, children_statement_needed: false },
  account_status: 'active',
};

describe('an uninitialised platform', () => {
  it('is a gate refusal the user cannot fix: onboarding shows the notice, not an empty agreements step', () => {
    expect(isGateCode('platform_not_initialized')).toBe(true);
    expect(isFixableGate('platform_not_initialized')).toBe(false);
    expect(stepFor(status)).toBe('blocked');
    render(<BlockedNotice accountStatus='active' gate={status.gate} signingOut={false} onSignOut={jest.fn()} />);
    expect(screen.getByTestId('platform-not-initialized')).toHaveTextContent('平台尚未完成初始化');
    expect(screen.queryByTestId('account-blocked')).toBeNull();
  });

  it('a suspended account still hears about its own standing', () => {
    render(<BlockedNotice accountStatus='suspended' gate='account_suspended' signingOut={false} onSignOut={jest.fn()} />);
    expect(screen.getByTestId('account-blocked')).toHaveTextContent('账号已被暂停使用');
  });
});
