import { Client } from 'pg';
import { getStack } from './stack';

// Which agreements a minor must accept is state every suite shares. A suite that adds a required
// under-18 document (or a new version of one) turns the minors of suites running in parallel from
// "guardian_required" or "cleared" into "consent_required" for as long as it exists. Suites of
// either kind take this advisory lock for their whole run: the suite that changes the agreements
// alone ('change'), the suites whose minors rely on them together ('rely'). The lock belongs to a
// connection of its own, so it ends with that connection even if the suite dies.
const AGREEMENTS_LOCK = 0x7a78_0001; // 'zx' + 1: an arbitrary key no migration uses

export type AgreementsLock = { release: () => Promise<void> };

export async function holdAgreements(mode: 'change' | 'rely'): Promise<AgreementsLock> {
  const c = new Client({ connectionString: getStack().databaseUrl, application_name: `zx-test agreements ${mode}` });
  await c.connect();
  await c.query(mode === 'change' ? 'select pg_advisory_lock($1)' : 'select pg_advisory_lock_shared($1)', [AGREEMENTS_LOCK]);
  return { release: () => c.end() };
}
