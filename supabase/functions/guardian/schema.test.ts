import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { GuardianLinkRequest, GuardianRequest } from './schema.ts';

Deno.test('guardian requests: the two actions parse, anything else is refused', () => {
  assertEquals(GuardianRequest.safeParse({ action: 'send', guardian_phone: '+8613900139000' }).success, true);
  assertEquals(GuardianRequest.safeParse({ action: 'send', guardian_phone: '13900139000' }).success, true);
  const confirm = {
    action: 'confirm',
    code: '123456',
    guardian_name: '王建国',
    relationship: 'father',
    channel: 'weapp',
  };
  const parsed = GuardianRequest.safeParse(confirm);
  assertEquals(parsed.success && parsed.data.action === 'confirm' && parsed.data.accept_children_statement, false);
  for (
    const bad of [
      null,
      42,
      'send',
      {},
      { action: 'delete' },
      { action: 'send', guardian_phone: '12345' },
      { action: 'send', guardian_phone: '+14155550100' },
      { action: 'send', guardian_phone: '+8613900139000', user_id: 'someone-else' },
      { ...confirm, code: '12345' },
      { ...confirm, code: '１２３４５６' },
      { ...confirm, relationship: 'uncle' },
      { ...confirm, channel: 'android' },
      { ...confirm, guardian_name: '' },
      { ...confirm, guardian_name: 'x'.repeat(41) },
      { ...confirm, accept_children_statement: 'yes' },
      { ...confirm, consented_at: '2020-01-01' },
    ]
  ) {
    assertEquals(GuardianRequest.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

Deno.test('guardian requests: a link for the guardian, and the guardian’s link actions', () => {
  assertEquals(GuardianRequest.safeParse({ action: 'create_link', guardian_phone: '13900139000', child_name: '王小明' }).success, true);
  assertEquals(GuardianRequest.safeParse({ action: 'send', guardian_phone: '13900139000', child_name: 'x'.repeat(21) }).success, false);
  const token = 'AbCdEfGhIjKlMnOpQrStUv-_';
  assertEquals(GuardianLinkRequest.safeParse({ action: 'link_view', token }).success, true);
  assertEquals(GuardianLinkRequest.safeParse({ action: 'link_send', token }).success, true);
  const confirm = { action: 'link_confirm', token, code: '123456', guardian_name: '王建国', relationship: 'father' };
  assertEquals(GuardianLinkRequest.safeParse(confirm).success, true);
  for (
    const bad of [
      { action: 'link_view' },
      { action: 'link_view', token: token.slice(1) },
      { action: 'link_view', token: `${token.slice(1)}=` },
      { action: 'link_send', token, guardian_phone: '13900139000' }, // the phone is the link's, never the caller's
      { ...confirm, channel: 'weapp' }, // always h5: the guardian's browser
      { ...confirm, user_id: 'someone' },
      { ...confirm, code: '12345' },
    ]
  ) {
    assertEquals(GuardianLinkRequest.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
