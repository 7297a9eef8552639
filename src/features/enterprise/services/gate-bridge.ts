import type { AppError } from '../../../lib/errors/app-error';
import { isGateCode } from '../../identity/services/identity-errors';
import { goToOnboarding } from '../../identity/services/gate-router';
import { useGateStore } from '../../identity/store/gate.store';

/**
 * A gate refusal (new agreement version, suspension) met on an enterprise page sends the member to
 * onboarding, as identity calls do. Returns the error for `throw`.
 */
export function onGateRefusalReport(error: AppError): AppError {
  if (isGateCode(error.code)) {
    useGateStore.getState().set({ state: 'uncleared' });
    goToOnboarding();
  }
  return error;
}
