// The Send SMS hook call as GoTrue makes it: Standard Webhooks signature a receiver can verify
// independently, and GoTrue's mapping of hook answers to API errors.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { callSendSmsHook } from '../sms-hook';
import { HttpError } from '../errors';

const SECRET_BYTES = Buffer.from('a-32-byte-secret-for-hook-tests!');
const SECRET = `v1,whsec_${SECRET_BYTES.toString('base64')}`;

type Reply = { status: number; body?: string; type?: string };
let reply: Reply = { status: 200, body: '{}', type: 'application/json' };
let last: { headers: http.IncomingHttpHeaders; body: string } | undefined;

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    last = { headers: req.headers, body };
    res.writeHead(reply.status, reply.type ? { 'content-type': reply.type } : {});
    res.end(reply.body ?? '');
  });
});
let url = '';

/** Listens on a free loopback port the kernel picks (a fixed one can be held by an outgoing connection). */
const listenAnywhere = (s: http.Server) =>
  new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
  });

beforeAll(async () => {
  await listenAnywhere(server);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/functions/v1/send-sms`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const user = { id: '7d3c2a58-0000-4000-8000-000000000001', phone: '8613800000001' };

test('signs the exact body with the Standard Webhooks scheme', async () => {
  reply = { status: 200, body: '{}', type: 'application/json' };
  await callSendSmsHook(url, SECRET, user, '123456', 'otp');
  const h = last!.headers;
  const id = String(h['webhook-id']);
  const ts = Number(h['webhook-timestamp']);
  expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(10);
  const expected = crypto.createHmac('sha256', SECRET_BYTES).update(`${id}.${ts}.${last!.body}`).digest('base64');
  expect(h['webhook-signature']).toBe(`v1,${expected}`);
  expect(JSON.parse(last!.body)).toEqual({ user, sms: { otp: '123456', sms_type: 'otp' } });
});

test('a 2xx hook error body becomes that status', async () => {
  reply = { status: 200, body: JSON.stringify({ error: { http_code: 429, message: 'slow down' } }), type: 'application/json' };
  const err = await callSendSmsHook(url, SECRET, user, '123456', 'otp').catch((e) => e);
  expect(err).toBeInstanceOf(HttpError);
  expect(err).toMatchObject({ status: 429, message: 'slow down' });
});

test('non-2xx answers become 500 unexpected_failure, as in GoTrue', async () => {
  for (const status of [400, 401, 404, 429, 500]) {
    reply = { status, body: JSON.stringify({ error: { http_code: status, message: 'x' } }), type: 'application/json' };
    const err = await callSendSmsHook(url, SECRET, user, '123456', 'otp').catch((e) => e);
    expect(err).toMatchObject({ status: 500, errorCode: 'unexpected_failure' });
  }
});

test('a 204 or an empty 200 is success; a non-JSON 200 is refused', async () => {
  reply = { status: 204 };
  await expect(callSendSmsHook(url, SECRET, user, '1', 'otp')).resolves.toBeUndefined();
  reply = { status: 200, body: 'ok', type: 'text/plain' };
  await expect(callSendSmsHook(url, SECRET, user, '1', 'otp')).rejects.toMatchObject({ status: 400 });
});

test('an unreachable hook is a 500', async () => {
  // A port that was free a moment ago and has nothing listening now.
  const closed = http.createServer();
  const port = await listenAnywhere(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const err = await callSendSmsHook(`http://127.0.0.1:${port}/nothing`, SECRET, user, '1', 'otp').catch((e) => e);
  expect(err).toMatchObject({ status: 500 });
});
