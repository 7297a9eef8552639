import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { WechatLoginRequest } from './schema.ts';
import { WecomLoginRequest } from '../wecom-login/schema.ts';

Deno.test('login bodies: codes only, nothing else', () => {
  assertEquals(WechatLoginRequest.safeParse({ code: '0a3Xyz-_9' }).success, true);
  assertEquals(WechatLoginRequest.safeParse({ code: 'c', phone_code: 'p' }).success, true);
  for (const bad of [null, {}, { code: '' }, { code: 'x'.repeat(129) }, { code: 'a b' }, { code: 'c', user_id: 'u' }, { code: 1 }]) {
    assertEquals(WechatLoginRequest.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assertEquals(WecomLoginRequest.safeParse({ code: 'q' }).success, true);
  assertEquals(WecomLoginRequest.safeParse({ code: 'q', phone_code: 'p' }).success, false);
});
