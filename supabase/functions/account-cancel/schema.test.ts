import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { CancelRequest } from './schema.ts';

Deno.test('cancellation requests: confirming needs a 6-digit code and an explicit acknowledgement', () => {
  assertEquals(CancelRequest.safeParse({ action: 'send' }).success, true);
  assertEquals(
    CancelRequest.safeParse({ action: 'confirm', code: '000123', acknowledge_irreversible: true }).success,
    true,
  );
  for (
    const bad of [
      undefined,
      {},
      { action: 'send', phone: '+8613900139000' },
      { action: 'confirm', code: '000123' },
      { action: 'confirm', code: '000123', acknowledge_irreversible: 'true' },
      { action: 'confirm', code: '000123', acknowledge_irreversible: false },
      { action: 'confirm', code: 'abcdef', acknowledge_irreversible: true },
      { action: 'confirm', code: '000123', acknowledge_irreversible: true, user_id: 'someone-else' },
    ]
  ) {
    assertEquals(CancelRequest.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
