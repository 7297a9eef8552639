// Issue 10: links to private files live at most one hour. Storage itself signs for any expiry the
// caller asks (ten years was accepted), so clients may not sign in the private buckets at all; the
// storage-sign function checks the right in the database and signs for ≤ 1 h.
import { callApi, createEnterpriseAs, joinEnterprise, makePlatformOperator, signInCleared, storageObject } from '../support/clients';
import { getStack } from '../support/stack';

const TEN_YEARS = 10 * 365 * 24 * 3600;
const expiryOf = (url: string) => {
  const token = new URL(url).searchParams.get('token') ?? '';
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  return claims.exp - claims.iat;
};

it('nobody signs a qualification file for ten years; the function signs for at most an hour, for those who may read it', async () => {
  const admin = await signInCleared();
  const eid = await createEnterpriseAs(admin);
  const [member, op] = await Promise.all([signInCleared(), signInCleared()]);
  await joinEnterprise(admin, eid, member);
  await makePlatformOperator(op.userId);
  const path = `${eid}/licence.pdf`;
  const pdf = { bytes: Buffer.from('%PDF-1.4 sign test'), contentType: 'application/pdf' };
  expect((await storageObject(admin.token, 'POST', 'qualifications', path, pdf)).status).toBe(200);

  const s = getStack();
  for (const who of [admin, op]) {
    const direct = await fetch(`${s.url}/storage/v1/object/sign/qualifications/${path}`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresIn: TEN_YEARS }),
    });
    expect(direct.status).toBeGreaterThanOrEqual(400);
  }

  const sign = (token: string, body: Record<string, unknown>) => callApi('/functions/v1/storage-sign', { token, body: { bucket: 'qualifications', path, ...body } });
  expect((await sign(admin.token, { expires_in: TEN_YEARS })).status).toBe(400);
  for (const who of [admin, op]) {
    const link = await sign(who.token, {});
    expect(link.status).toBe(200);
    expect(expiryOf(link.body.url)).toBeLessThanOrEqual(3600);
    expect(await (await fetch(link.body.url)).text()).toBe('%PDF-1.4 sign test');
  }
  const hour = await sign(admin.token, { expires_in: 3600 });
  expect(expiryOf(hour.body.url)).toBe(3600);

  // a member of the enterprise, and anyone for a file that does not exist: the same 404
  expect((await sign(member.token, {})).body.code).toBe('object_not_found');
  expect((await sign(admin.token, { path: `${eid}/missing.pdf` })).body.code).toBe('object_not_found');
});
