// Contract: hostile input. Keys are validated like Storage's (and stricter where a file-system
// backend needs it), so no request can place or read a file outside its bucket; malformed input of
// any kind is answered with a 4xx, never a 5xx (property-based, fast-check).
import fs from 'node:fs';
import http from 'node:http';
import fc from 'fast-check';
import { getStack } from '../support/stack';
import { sql } from '../support/clients';
import { newUser, ownerFolderBucket, uniqueName, userToken, type TestUser } from './storage-fixtures';

const bucket = uniqueName('st-in');
let cleanup: () => Promise<void>;
let alice: TestUser;

beforeAll(async () => {
  cleanup = await ownerFolderBucket(bucket, { fileSizeLimit: 4096 });
  alice = newUser();
});
afterAll(async () => cleanup?.());

interface RawResponse {
  status: number;
  body: string;
}

/** http.request keeps the path byte-for-byte (fetch would resolve `..` and `%2e%2e` before sending). */
function raw(method: string, path: string, opts: { token?: string; body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const s = getStack();
  const url = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `/storage/v1${path}`,
        headers: {
          apikey: s.anonKey,
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('path traversal (local only)', () => {
  const marker = `zx-storage-escape-${Date.now()}`;
  const escapes = [
    `../../../../../../../../../tmp/${marker}`,
    `%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/tmp/${marker}`,
    `..%2F..%2F..%2F..%2F..%2F..%2F..%2Ftmp%2F${marker}`,
    `ok/../../../../../../../tmp/${marker}`,
    `/tmp/${marker}`,
    `%2Ftmp%2F${marker}`,
    `a/./b/${marker}`,
    `a//b/${marker}`,
    `nul%00/${marker}`,
    `back%5C..%5C..%5C${marker}`,
  ];

  it.each(escapes)('refuses upload, download and delete of %s', async (evil) => {
    for (const token of [alice.token, getStack().serviceRoleKey]) {
      const up = await raw('POST', `/object/${bucket}/${evil}`, { token, body: 'x', headers: { 'content-type': 'text/plain' } });
      expect(up.status).toBeGreaterThanOrEqual(400);
      expect(up.status).toBeLessThan(500);
      for (const method of ['GET', 'DELETE', 'PUT']) {
        const r = await raw(method, `/object/${bucket}/${evil}`, { token, body: method === 'PUT' ? 'x' : undefined });
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      }
    }
    expect(fs.existsSync(`/tmp/${marker}`)).toBe(false);
    expect(await sql('select 1 from storage.objects where name like $1', [`%${marker}%`])).toEqual([]);
  });

  it('refuses traversal as a bucket name and as a move/copy destination', async () => {
    const svc = getStack().serviceRoleKey;
    expect((await raw('POST', `/object/%2e%2e/${marker}`, { token: svc, body: 'x' })).status).toBe(400);
    await raw('POST', `/object/${bucket}/${alice.id}/src.txt`, { token: alice.token, body: 'x', headers: { 'content-type': 'text/plain' } });
    for (const route of ['/object/move', '/object/copy']) {
      const body = JSON.stringify({ bucketId: bucket, sourceKey: `${alice.id}/src.txt`, destinationKey: `${alice.id}/../../../../../tmp/${marker}` });
      const r = await raw('POST', route, { token: alice.token, body, headers: { 'content-type': 'application/json' } });
      expect(JSON.parse(r.body)).toMatchObject({ statusCode: '400', error: 'InvalidKey' });
    }
    expect(fs.existsSync(`/tmp/${marker}`)).toBe(false);
  });
});

describe('malformed requests (local only)', () => {
  it('answers bad JSON with 400', async () => {
    const r = await raw('POST', `/object/list/${bucket}`, { token: alice.token, body: '{"prefix":', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
  });

  it('answers a bad or expired JWT with 400 and AccessDenied (403 in the body), as Storage does', async () => {
    for (const token of ['garbage', userToken(alice.id, -10)]) {
      const r = await raw('GET', `/object/${bucket}/${alice.id}/x.txt`, { token });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ statusCode: '403', error: 'Unauthorized' });
    }
  });

  it('never answers 5xx to random input on any endpoint', async () => {
    const s = getStack();
    const segment = fc.oneof(
      fc.constant(bucket),
      fc.constant(`${alice.id}/f.txt`),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
      fc.constantFrom('..', '%2e%2e', '%zz', '%00', '%2F', '', '.', '~', '%E4%BD%A0'),
    );
    const route = fc.tuple(
      fc.constantFrom(
        ['GET', '/bucket'], ['POST', '/bucket'], ['GET', '/bucket/{a}'], ['PUT', '/bucket/{a}'], ['DELETE', '/bucket/{a}'],
        ['POST', '/bucket/{a}/empty'], ['POST', '/object/list/{a}'], ['POST', '/object/move'], ['POST', '/object/copy'],
        ['POST', '/object/sign/{a}'], ['POST', '/object/sign/{a}/{b}'], ['GET', '/object/sign/{a}/{b}?token={c}'],
        ['POST', '/object/upload/sign/{a}/{b}'], ['PUT', '/object/upload/sign/{a}/{b}?token={c}'],
        ['GET', '/object/public/{a}/{b}'], ['GET', '/object/authenticated/{a}/{b}'], ['GET', '/object/info/{a}/{b}'],
        ['HEAD', '/object/{a}/{b}'], ['POST', '/object/{a}/{b}'], ['PUT', '/object/{a}/{b}'], ['GET', '/object/{a}/{b}'],
        ['DELETE', '/object/{a}/{b}'], ['DELETE', '/object/{a}'], ['PATCH', '/object/{a}/{b}'], ['GET', '/{c}'],
      ),
      segment, segment, segment,
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({
        name: fc.jsonValue(), id: fc.jsonValue(), public: fc.jsonValue(), file_size_limit: fc.jsonValue(), allowed_mime_types: fc.jsonValue(),
        prefix: fc.jsonValue(), limit: fc.jsonValue(), offset: fc.jsonValue(), sortBy: fc.jsonValue(), search: fc.jsonValue(),
        prefixes: fc.jsonValue(), paths: fc.jsonValue(), expiresIn: fc.jsonValue(), bucketId: fc.jsonValue(),
        sourceKey: fc.jsonValue(), destinationKey: fc.jsonValue(), destinationBucket: fc.jsonValue(),
      }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    const contentType = fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=xyz', 'multipart/form-data', 'image/png', 'application/pdf');
    const token = fc.constantFrom(alice.token, s.serviceRoleKey, s.anonKey, 'garbage', userToken(alice.id, -10), '');
    const headers = fc.record({ upsert: fc.constantFrom('true', 'false', 'yes'), metadata: fc.string({ maxLength: 30 }) });

    await fc.assert(
      fc.asyncProperty(route, body, contentType, token, headers, async ([[method, template], a, b, c], payload, ct, tok, h) => {
        const path = template.replace('{a}', a).replace('{b}', b).replace('{c}', c);
        const r = await raw(method, path, {
          token: tok || undefined,
          body: method === 'GET' || method === 'HEAD' ? undefined : payload,
          headers: { 'content-type': ct, 'x-upsert': h.upsert, 'x-metadata': Buffer.from(h.metadata).toString('base64') },
        });
        if (r.status >= 500) throw new Error(`${method} ${path} → ${r.status} ${r.body}`);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
