import type { AppError } from '../errors/app-error';
import { FIXABLE_GATE_CODES, GATE_CODES, type GateCode } from '../../../supabase/functions/_shared/gate-codes';

// The one gate-refusal signal. Every RPC and edge function checks the caller's clearance (the
// "gate": account standing, birth date, agreements, guardian) and refuses with one of these codes.
// Whatever module's call meets such a refusal, the data layer raises it here, and the app's gate
// router (features/identity/services/gate-router.ts) sends the user to onboarding.

// The codes are the edge functions' list (one file both runtimes compile); the app routes a refusal
// to onboarding (the fixable ones) or to the blocked screen (account standing).
export { FIXABLE_GATE_CODES, GATE_CODES, type GateCode } from '../../../supabase/functions/_shared/gate-codes';

export function isGateCode(code: string): code is GateCode {
  return (GATE_CODES as readonly string[]).includes(code);
}

/** True for an AppError (or code) the onboarding page can fix. */
export function isFixableGate(error: unknown): boolean {
  const code = typeof error === 'string' ? error : (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (FIXABLE_GATE_CODES as readonly string[]).includes(code);
}

type GateListener = (code: GateCode) => void;
let gateListener: GateListener | null = null;

/** The app's router listens here (one listener: the last one set wins; null stops listening). */
export function onGateRefusal(listener: GateListener | null): void {
  gateListener = listener;
}

/** Called by the data layer for every error it throws; only gate refusals reach the listener. */
export function signalGateRefusal(error: Pick<AppError, 'code'>): void {
  if (isGateCode(error.code)) gateListener?.(error.code);
}
