// The gate's refusal codes, one list for the edge functions (`gate.ts`) and the app
// (`src/lib/data/gate.ts`). No imports: both runtimes compile this file (config/index.ts hands it to
// the Taro build like routes.ts).

/** Codes that mean "this user is not cleared" (a 403 with one of them). */
export const GATE_CODES = [
  'consent_required',
  'birth_date_required',
  'guardian_required',
  'account_suspended',
  'account_terminated',
  // No required agreement exists yet (a project without `npm run setup:production`): nobody is let in.
  'platform_not_initialized',
] as const;
export type GateCode = (typeof GATE_CODES)[number];

/** What a user may still do while uncleared: fix what is missing. Account standing is never waived. */
export const FIXABLE_GATE_CODES: readonly GateCode[] = ['consent_required', 'birth_date_required', 'guardian_required'];
