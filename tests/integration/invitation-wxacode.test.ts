// The mini-program code of an invitation through the gateway: the real edge function and its real
// WeChat client against the stack's fake WeChat API. Only who may share the invitation gets a code.
import { callApi, createEnterpriseAs, inviteCode, joinEnterprise, signInCleared, type SignedInUser } from '../support/clients';
import { fakeRequests } from '../support/fake-wechat';

const wxacode = (body: unknown, who?: SignedInUser) => callApi('/functions/v1/invitation-wxacode', { body, token: who?.token });
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

it('gives the admin a mini-program code that opens the landing page with the invitation code as scene', async () => {
  const admin = await signInCleared();
  const enterpriseId = await createEnterpriseAs(admin);
  const code = await inviteCode(admin, enterpriseId);

  const res = await wxacode({ code }, admin);
  expect({ status: res.status, page: res.body.page, scene: res.body.scene }).toEqual({ status: 200, page: 'packages/enterprise/join/index', scene: code });
  const [, type, data] = /^data:(image\/png);base64,(.+)$/.exec(res.body.image) ?? [];
  expect(type).toBe('image/png');
  expect([...Buffer.from(data, 'base64').subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  const sent = (await fakeRequests()).find((r) => r.path === '/wechat/wxa/getwxacodeunlimit' && (r.body as { scene?: string })?.scene === code);
  expect(sent?.body).toEqual({ scene: code, page: 'packages/enterprise/join/index', check_path: false, env_version: 'release', width: 430 });
  expect(sent?.query.access_token).toEqual(expect.any(String));
});

it('refuses whoever may not share the invitation, dead invitations and bad input, with a clear code', async () => {
  const admin = await signInCleared();
  const enterpriseId = await createEnterpriseAs(admin);
  const code = await inviteCode(admin, enterpriseId);
  const [colleague, outsider] = await Promise.all([signInCleared(), signInCleared()]);
  await joinEnterprise(admin, enterpriseId, colleague);

  // Without a session the functions gateway answers first (verify_jwt), in its own shape.
  expect((await wxacode({ code })).status).toBe(401);
  for (const [who, status, reason] of [
    [colleague, 404, 'invitation_not_found'], // a member sees only the invitations they created
    [outsider, 404, 'invitation_not_found'],
  ] as const) {
    const res = await wxacode({ code }, who);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code: reason });
  }
  for (const body of [{ code: 'O0I1L' }, { code: code.toLowerCase() }, {}, { code, extra: 1 }, 'not json']) {
    const res = await wxacode(body, admin);
    expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'invitation_code_invalid' });
  }

  const [inv] = (await admin.client.from('invitations').select('id').eq('code', code)).data as Array<{ id: string }>;
  expect((await admin.client.rpc('revoke_invitation', { p_invitation_id: inv.id })).error).toBeNull();
  const revoked = await wxacode({ code }, admin);
  expect({ status: revoked.status, code: revoked.body.code, message: revoked.body.message }).toEqual({ status: 400, code: 'invitation_revoked', message: '该邀请已被撤销' });
});
