// Transactions for the auth routes. Some failures must still commit their bookkeeping (a wrong
// OTP guess counts; a replayed refresh token revokes its session): throw CommitThenFail for those.
import type { Pool, PoolClient } from 'pg';
import type { HttpError } from './errors';

export class CommitThenFail extends Error {
  constructor(readonly error: HttpError) {
    super(error.message);
  }
}

export async function withTx<T>(pool: Pool, fn: (tx: PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('begin');
    const out = await fn(tx);
    await tx.query('commit');
    return out;
  } catch (e) {
    if (e instanceof CommitThenFail) {
      await tx.query('commit');
      throw e.error;
    }
    await tx.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    tx.release();
  }
}
