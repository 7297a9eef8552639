// Signed URLs as Storage makes them: the token is an HS256 JWT signed with the project's JWT
// secret, carrying `url` = `<bucket>/<key>` (and for uploads `owner` and `upsert`). Creating one
// needs the caller to pass RLS (select for downloads, insert for uploads); using one needs no auth.
import { signJwt } from '../jwt';
import { ownerFromSub, ownerOf, verifyToken } from './caller';
import { admin, asCallerOf, type Call } from './context';
import { ERRORS } from './errors';
import { drain, optInt, readJsonObject, reqStringArray, sendJson } from './http';
import { findObject, insertObject, upsertObject, type NewObject } from './rows';
import { sendObject, uploadObject } from './objects';
import { randomUUID } from 'node:crypto';

/** Storage's signed-upload lifetime (uploadSignedUrlExpirationTime): 2 hours. */
const UPLOAD_URL_SECONDS = 2 * 60 * 60;

function sign(call: Call, claims: Record<string, unknown>, expiresIn: number): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ ...claims, iat, exp: iat + expiresIn }, call.state.config.jwtSecret);
}

function expiresInOf(body: Record<string, unknown>): number {
  const v = optInt(body, 'expiresIn', 1, 10 * 365 * 24 * 3600);
  if (v === undefined) throw ERRORS.badRequest("body must have required property 'expiresIn'");
  return v;
}

/** POST /object/sign/:bucket/* { expiresIn } → { signedURL } */
export async function handleSignOne(call: Call, bucket: string, key: string): Promise<void> {
  const { db } = asCallerOf(call);
  const expiresIn = expiresInOf(await readJsonObject(call.req));
  await db.run((c) => findObject(c, bucket, key));
  const url = `${bucket}/${key}`;
  sendJson(call.res, 200, { signedURL: `/object/sign/${url}?token=${sign(call, { url }, expiresIn)}` });
}

/** POST /object/sign/:bucket { expiresIn, paths } → one entry per path, an error where RLS hides it. */
export async function handleSignMany(call: Call, bucket: string): Promise<void> {
  const { db } = asCallerOf(call);
  const body = await readJsonObject(call.req);
  const expiresIn = expiresInOf(body);
  const paths = reqStringArray(body, 'paths');
  if (paths.length < 1 || paths.length > 1000) throw ERRORS.badRequest('body/paths must have 1 to 1000 items');
  const visible = await db.run(async (c) => {
    const r = await c.query<{ name: string }>('select name from storage.objects where bucket_id = $1 and name = any($2::text[])', [bucket, paths]);
    return new Set(r.rows.map((x) => x.name));
  });
  sendJson(
    call.res,
    200,
    paths.map((path) => {
      if (!visible.has(path)) return { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null };
      const url = `${bucket}/${path}`;
      return { error: null, path, signedURL: `/object/sign/${url}?token=${sign(call, { url }, expiresIn)}` };
    }),
  );
}

function tokenClaims(call: Call, bucket: string, key: string): Record<string, unknown> {
  const token = call.query.get('token');
  if (!token) throw ERRORS.badRequest("querystring must have required property 'token'");
  let claims: Record<string, unknown>;
  try {
    claims = verifyToken(token, call.state.config.jwtSecret);
  } catch (e) {
    throw ERRORS.invalidJwt(e instanceof Error ? e.message : 'jwt malformed');
  }
  if (claims.url !== `${bucket}/${key}`) throw ERRORS.invalidSignature();
  return claims;
}

/** GET /object/sign/:bucket/*?token= — no auth: the token is the permission; read as admin. */
export async function handleSignedDownload(call: Call, bucket: string, key: string): Promise<void> {
  tokenClaims(call, bucket, key);
  const obj = await admin(call).run((c) => findObject(c, bucket, key));
  sendObject(call, bucket, key, obj);
}

/** POST /object/upload/sign/:bucket/* → { url, token }; the caller must pass the insert (or upsert) policy now. */
export async function handleCreateUploadUrl(call: Call, bucket: string, key: string): Promise<void> {
  const { caller, db } = asCallerOf(call);
  await drain(call.req);
  const upsert = call.req.headers['x-upsert'] === 'true';
  const row: NewObject = { id: randomUUID(), bucket, key, ...ownerOf(caller), metadata: {}, version: randomUUID(), userMetadata: null };
  await db.test((c) => (upsert ? upsertObject(c, row) : insertObject(c, row)));
  const token = sign(call, { owner: caller.claims.sub, url: `${bucket}/${key}`, upsert }, UPLOAD_URL_SECONDS);
  sendJson(call.res, 200, { url: `/object/upload/sign/${bucket}/${key}?token=${token}`, token });
}

/** PUT /object/upload/sign/:bucket/*?token= — uploads as admin with the owner the token names. */
export async function handleSignedUpload(call: Call, bucket: string, key: string): Promise<void> {
  let claims: Record<string, unknown>;
  try {
    claims = tokenClaims(call, bucket, key);
  } catch (e) {
    await drain(call.req);
    throw e;
  }
  const mode = claims.upsert === true ? 'upsert' : 'create';
  const result = await uploadObject(call, admin(call), ownerFromSub(claims.owner), bucket, key, mode);
  sendJson(call.res, 200, result);
}
