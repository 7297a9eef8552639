import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { handler } from './handler.ts';

Deno.test('health answers ok, and answers CORS preflights', async () => {
  const res = await handler(new Request('http://localhost/health'));
  assertEquals(res.status, 200);
  assertEquals((await res.json()).status, 'ok');
  const pre = await handler(new Request('http://localhost/health', { method: 'OPTIONS' }));
  assertEquals(pre.headers.get('access-control-allow-origin'), '*');
  await pre.body?.cancel();
});
