// Issue 10: evidence for a birth-date correction. Members write only into their own folder of the
// private bucket `birth-date-evidence`; nobody reads or signs there through the Storage API; the
// correction request accepts only the caller's own uploaded object; operators get ≤ 1-hour links
// from the storage-sign function.
import { birthDateForAge, callApi, makePlatformOperator, signInCleared, storageObject, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';

const BUCKET = 'birth-date-evidence';
const pdf = (text: string) => ({ bytes: Buffer.from(`%PDF-1.4 ${text}`), contentType: 'application/pdf' });
const request = (u: SignedInUser, path: string | null) =>
  callApi('/rest/v1/rpc/request_birth_date_correction', {
    token: u.token,
    body: { p_birth_date: birthDateForAge(31), p_reason: '注册时年份选错了', p_evidence_path: path },
  });
const sign = (u: SignedInUser, path: string, extra: Record<string, unknown> = {}) =>
  callApi('/functions/v1/storage-sign', { token: u.token, body: { bucket: BUCKET, path, ...extra } });

describe('birth-date evidence bucket', () => {
  it('a member uploads only into their own folder and cannot read, sign or replace the file', async () => {
    const [alice, bob] = await Promise.all([signInCleared(), signInCleared()]);
    const own = `${alice.userId}/id-card.pdf`;
    expect((await storageObject(alice.token, 'POST', BUCKET, own, pdf('alice'))).status).toBe(200);
    // another member's folder, and the bucket root
    expect((await storageObject(alice.token, 'POST', BUCKET, `${bob.userId}/planted.pdf`, pdf('x'))).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(alice.token, 'POST', BUCKET, 'loose.pdf', pdf('x'))).status).toBeGreaterThanOrEqual(400);
    // reading back, even one's own file, and by anyone else
    expect((await storageObject(alice.token, 'GET', BUCKET, own)).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(bob.token, 'GET', BUCKET, own)).status).toBeGreaterThanOrEqual(400);
    const s = getStack();
    const direct = await fetch(`${s.url}/storage/v1/object/sign/${BUCKET}/${own}`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresIn: 3600 }),
    });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    // no overwrite (x-upsert) of a file already named in a request
    const upsert = await fetch(`${s.url}/storage/v1/object/${BUCKET}/${own}`, {
      method: 'PUT', headers: { apikey: s.anonKey, authorization: `Bearer ${alice.token}`, 'content-type': 'application/pdf' },
      body: Buffer.from('%PDF-1.4 swapped'),
    });
    expect(upsert.status).toBeGreaterThanOrEqual(400);
  });

  it('a member stores at most 10 evidence files', async () => {
    const carol = await signInCleared();
    for (let i = 0; i < 10; i++) {
      expect((await storageObject(carol.token, 'POST', BUCKET, `${carol.userId}/evidence-${i}.pdf`, pdf(String(i)))).status).toBe(200);
    }
    expect((await storageObject(carol.token, 'POST', BUCKET, `${carol.userId}/evidence-10.pdf`, pdf('10'))).status).toBeGreaterThanOrEqual(400);
  });

  it('the request takes only the caller\'s own uploaded object as evidence', async () => {
    const [alice, bob] = await Promise.all([signInCleared(), signInCleared()]);
    const bobs = `${bob.userId}/birth-cert.pdf`;
    expect((await storageObject(bob.token, 'POST', BUCKET, bobs, pdf('bob'))).status).toBe(200);

    const foreign = await request(alice, bobs);
    expect({ status: foreign.status, message: foreign.body.message }).toEqual({ status: 400, message: 'evidence_not_found' });
    const missing = await request(alice, `${alice.userId}/never-uploaded.pdf`);
    expect({ status: missing.status, message: missing.body.message }).toEqual({ status: 400, message: 'evidence_not_found' });
    const traversal = await request(alice, `${alice.userId}/../${bobs}`);
    expect({ status: traversal.status, message: traversal.body.message }).toEqual({ status: 400, message: 'evidence_path_invalid' });

    const own = `${alice.userId}/hukou.pdf`;
    expect((await storageObject(alice.token, 'POST', BUCKET, own, pdf('alice'))).status).toBe(200);
    const ok = await request(alice, own);
    expect(ok.status).toBe(200);
    expect(ok.body.evidence_path).toBe(own);
    expect(ok.body.status).toBe('pending');
  });

  it('operators get a link of at most one hour to evidence a request names; nobody else does', async () => {
    const [alice, op] = await Promise.all([signInCleared(), signInCleared()]);
    await makePlatformOperator(op.userId);
    const own = `${alice.userId}/id-card.pdf`;
    const stray = `${alice.userId}/not-in-a-request.pdf`;
    expect((await storageObject(alice.token, 'POST', BUCKET, own, pdf('evidence'))).status).toBe(200);
    expect((await storageObject(alice.token, 'POST', BUCKET, stray, pdf('stray'))).status).toBe(200);
    expect((await request(alice, own)).status).toBe(200);

    expect((await sign(op, own, { expires_in: 10 * 365 * 24 * 3600 })).status).toBe(400);
    const link = await sign(op, own, { expires_in: 3600 });
    expect(link.status).toBe(200);
    const token = new URL(link.body.url).searchParams.get('token') ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(3600);
    expect(await (await fetch(link.body.url)).text()).toBe('%PDF-1.4 evidence');

    // the member themself, and an upload no request names: the same 404 as a missing file
    expect((await sign(alice, own)).body.code).toBe('object_not_found');
    expect((await sign(op, stray)).body.code).toBe('object_not_found');

    // the operator's list carries the path the 查看材料 link signs
    const list = await callApi('/rest/v1/rpc/platform_list_birth_date_corrections', { token: op.token, body: { p_status: 'pending' } });
    expect((list.body as Array<{ user_id: string; evidence_path: string }>).find((r) => r.user_id === alice.userId)?.evidence_path).toBe(own);
  });
});
