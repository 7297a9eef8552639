import { Client } from 'pg';
import { getStack } from './stack';

// Contract tests that need a table, bucket or storage policy of their own create it under these
// prefixes and drop it when they finish. The catalog-driven checks (schema lint, tenancy matrix)
// run in parallel with them and skip such objects, which exist only while one of those tests runs;
// the schema lint refuses the prefixes in migrations, so nothing real can hide behind them.
export const THROWAWAY_TABLE_PREFIX = 'zz_test_';
export const THROWAWAY_BUCKET_PREFIX = 'zz-test-';

/** SQL `like` patterns for the prefixes (underscore escaped). */
export const THROWAWAY_TABLE_LIKE = 'zz\\_test\\_%';
export const THROWAWAY_BUCKET_LIKE = 'zz-test-%';

/**
 * Runs the DDL that creates or drops throwaway objects, in one transaction. DDL on a table other
 * suites are using at the same moment (storage.objects above all) can deadlock with their traffic,
 * and Postgres may then abort the other side. So the DDL waits for its locks for less than the
 * deadlock check takes to start (deadlock_timeout, 1 s) and gives way (55P03), or is itself the
 * one aborted (40P01); either way it is simply run again a moment later.
 */
export async function throwawayDdl(statements: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const c = new Client({ connectionString: getStack().databaseUrl });
    await c.connect();
    try {
      await c.query('begin');
      await c.query(`set local lock_timeout = '500ms'`);
      for (const s of statements) await c.query(s);
      await c.query('commit');
      return;
    } catch (err) {
      await c.query('rollback').catch(() => undefined);
      if (!['40P01', '55P03'].includes((err as { code?: string }).code ?? '') || attempt === 10) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    } finally {
      await c.end();
    }
  }
}
