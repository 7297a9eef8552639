import type { AppError } from '../../../lib/errors/app-error';
import { reportGateRefusal } from '../../identity/services/identity.service';

/**
 * A gate refusal (new agreement version, suspension) met on an enterprise page goes to the same
 * listener as identity's own calls (the gate router sends the member to onboarding). Returns the
 * error for `throw`.
 */
export function onGateRefusalReport(error: AppError): AppError {
  reportGateRefusal(error);
  return error;
}
