import { useCallback } from 'react';
import { useLoader } from '../../../lib/hooks/use-loader';
import { identityService, type IdentityService } from '../services/identity.service';
import type { ConsentStatus, CurrentAgreement } from '../services/identity.types';
import { useGateStore } from '../store/gate.store';

export type OnboardingStep = 'blocked' | 'birth' | 'agreements' | 'guardian' | 'done';

/** Which step a status calls for, in the gate's order of precedence (docs/api.md). */
export function stepFor(status: ConsentStatus): OnboardingStep {
  if (status.account_status === 'suspended' || status.account_status === 'terminated') return 'blocked';
  // Nothing the user can fix: the operator has not run `npm run setup:production` yet.
  if (status.gate === 'platform_not_initialized') return 'blocked';
  if (!status.birth_date_set) return 'birth';
  if (status.missing.some((item) => item.required && !item.needs_guardian)) return 'agreements';
  const guardianMissing = status.guardian.needed && status.guardian.status !== 'confirmed';
  if (guardianMissing || status.missing.some((item) => item.needs_guardian)) return 'guardian';
  return status.cleared ? 'done' : 'agreements';
}

export interface OnboardingState {
  status: ConsentStatus | null;
  agreements: CurrentAgreement[];
  step: OnboardingStep | null;
  loading: boolean;
  error: string;
  reload(): void;
  /** every step's RPC answers with the new status: move on from it */
  apply(status: ConsentStatus): void;
}

const NO_AGREEMENTS: CurrentAgreement[] = [];

type Service = Pick<IdentityService, 'getConsentStatus' | 'getCurrentAgreements'>;

export function useOnboarding(enabled: boolean, service: Service = identityService): OnboardingState {
  const { data, loading, error, reload, setData } = useLoader(
    () => Promise.all([service.getConsentStatus(), service.getCurrentAgreements()]),
    'onboarding',
    enabled,
  );
  const status = data?.[0] ?? null;
  const agreements = data?.[1] ?? NO_AGREEMENTS;

  const apply = useCallback(
    (next: ConsentStatus) => {
      setData([next, agreements]);
      useGateStore.getState().set({ state: next.cleared ? 'cleared' : 'uncleared', status: next });
    },
    [agreements, setData],
  );

  return { status, agreements, step: status ? stepFor(status) : null, loading, error, reload, apply };
}
