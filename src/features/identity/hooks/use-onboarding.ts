import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
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

type Service = Pick<IdentityService, 'getConsentStatus' | 'getCurrentAgreements'>;

export function useOnboarding(enabled: boolean, service: Service = identityService): OnboardingState {
  const [status, setStatus] = useState<ConsentStatus | null>(null);
  const [agreements, setAgreements] = useState<CurrentAgreement[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    setLoading(true);
    setError('');
    Promise.all([service.getConsentStatus(), service.getCurrentAgreements()])
      .then(([nextStatus, current]) => {
        if (cancelled) return;
        setStatus(nextStatus);
        setAgreements(current);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(messageOf(failure));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, attempt, service]);

  const apply = useCallback((next: ConsentStatus) => {
    setStatus(next);
    useGateStore.getState().set({ state: next.cleared ? 'cleared' : 'uncleared', status: next });
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, agreements, step: status ? stepFor(status) : null, loading, error, reload, apply };
}
