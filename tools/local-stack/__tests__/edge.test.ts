// The nginx edge (edge.ts) as a client or attacker meets it: which requests it serves from PostgREST
// itself and what it changes on the way, and that everything else reaches the Node gateway untouched,
// with the client's real address. Real nginx and real sockets; PostgREST and the Node gateway are
// stood in by servers that record what reaches them. Skipped where nginx is not installed (the stack
// then runs the Node gateway alone, which tests/contract/gateway.test.ts covers).
import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadStackConfig, type StackConfig } from '../config';
import { nginxBinary, PEER_HEADER, startEdge, type EdgeHandle } from '../edge';

interface Seen {
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function recorder(seen: Seen[], answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      answer(req, res);
    });
  });
}

const listening = (server: http.Server, target: number | string) =>
  new Promise<void>((resolve) => (typeof target === 'number' ? server.listen(target, '127.0.0.1', resolve) : server.listen(target, resolve)));

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const nginx = nginxBinary();
const describeEdge = nginx ? describe : describe.skip;

describeEdge('edge (nginx in front of the gateway)', () => {
  const rest: Seen[] = [];
  const gateway: Seen[] = [];
  let restServer: http.Server;
  let gatewayServer: http.Server;
  let edge: EdgeHandle;
  let config: StackConfig;
  let dir: string;

  // Raw node:http, one connection per request, so nothing normalises what we send.
  const send = (method: string, target: string, headers: Record<string, string> = {}, body = '', localAddress?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: config.ports.api, method, path: target, headers, localAddress, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-edge-'));
    restServer = recorder(rest, (_req, res) => {
      // PostgREST adds its own CORS headers when a request has an Origin: the edge must drop them.
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-range': '0-0/*',
        'access-control-allow-origin': 'http://evil.example',
        'access-control-allow-credentials': 'true',
      });
      res.end('[{"id":1}]');
    });
    gatewayServer = recorder(gateway, (req, res) => {
      res.writeHead(req.url === '/health' ? 200 : 299, { 'content-type': 'application/json', 'x-answered-by': 'gateway' });
      res.end('{"gateway":true}');
    });
    await listening(restServer, 0);
    const socket = path.join(dir, 'gateway.sock');
    await listening(gatewayServer, socket);
    const base = loadStackConfig({ dataDir: dir, basePort: await freePort() });
    config = { ...base, ports: { ...base.ports, rest: (restServer.address() as net.AddressInfo).port } };
    edge = await startEdge({ config, gatewaySocket: socket, nginx: nginx! });
  });

  afterAll(async () => {
    await edge?.stop();
    restServer.closeAllConnections();
    gatewayServer.closeAllConnections();
    await Promise.all([restServer, gatewayServer].map((s) => new Promise((r) => s.close(r))));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    rest.length = 0;
    gateway.length = 0;
  });

  it('serves /rest/v1 with a valid apikey header from PostgREST: prefix off, query byte for byte, key as bearer, CORS its own', async () => {
    const query = 'select=id,title&id=eq.%2Fa%20b&title=like.*%E4%BD%A0*&order=created_at.desc';
    const res = await send('GET', `/rest/v1/posts?${query}`, {
      apikey: config.anonKey,
      origin: 'http://localhost:10086',
      'accept-profile': 'bench',
      x_with_underscore: 'kept',
      [PEER_HEADER]: '10.9.9.9',
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('[{"id":1}]');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    expect(res.headers['content-range']).toBe('0-0/*');
    expect(gateway).toEqual([]);
    expect(rest).toHaveLength(1);
    const [seen] = rest;
    expect(seen.url).toBe(`/posts?${query}`);
    expect(seen.headers.authorization).toBe(`Bearer ${config.anonKey}`);
    expect(seen.headers.apikey).toBe(config.anonKey);
    expect(seen.headers['accept-profile']).toBe('bench');
    expect(seen.headers.x_with_underscore).toBe('kept');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers[PEER_HEADER]).toBeUndefined();
  });

  it("keeps the caller's own Authorization, and passes bodies and the root path", async () => {
    await send('POST', '/rest/v1/rpc/f', { apikey: config.serviceRoleKey, authorization: 'Bearer user.jwt.here', 'content-type': 'application/json' }, '{"a":1}');
    await send('GET', '/rest/v1', { apikey: config.anonKey });
    await send('GET', '/rest/v1//x?a=1', { apikey: config.anonKey });
    expect(rest.map((s) => [s.method, s.url, s.headers.authorization, s.body])).toEqual([
      ['POST', '/rpc/f', 'Bearer user.jwt.here', '{"a":1}'],
      ['GET', '/', `Bearer ${config.anonKey}`, ''],
      ['GET', '//x?a=1', `Bearer ${config.anonKey}`, ''],
    ]);
    expect(gateway).toEqual([]);
  });

  it.each<[string, string, string, Record<string, string>]>([
    ['no key', 'GET', '/rest/v1/posts?select=id', {}],
    ['a wrong key', 'GET', '/rest/v1/posts?select=id', { apikey: 'nonsense' }],
    ['an empty key header', 'GET', '/rest/v1/posts?select=id', { apikey: '' }],
    ['the key in the query', 'GET', '/rest/v1/posts?select=id&apikey=KEY', {}],
    ['a header key and one in the query', 'GET', '/rest/v1/posts?apikey=KEY&select=id', { apikey: 'KEY' }],
    ['empty query segments', 'GET', '/rest/v1/posts?select=id&&limit=1', { apikey: 'KEY' }],
    ['a bare question mark', 'GET', '/rest/v1/posts?', { apikey: 'KEY' }],
    ['a preflight (even one carrying the key)', 'OPTIONS', '/rest/v1/posts', { apikey: 'KEY', origin: 'http://x', 'access-control-request-method': 'GET' }],
    ['headers named hop-by-hop in Connection', 'GET', '/rest/v1/posts', { apikey: 'KEY', connection: 'x-private', 'x-private': '1' }],
    ['a lookalike prefix', 'GET', '/rest/v1x/posts', { apikey: 'KEY' }],
    ['a dot segment', 'GET', '/x/../rest/v1/posts', { apikey: 'KEY' }],
    ['auth', 'POST', '/auth/v1/token?grant_type=password', { apikey: 'KEY' }],
    ['storage', 'GET', '/storage/v1/object/public/b/a%20b.png', {}],
  ])('sends a request with %s to the Node gateway unchanged', async (_label, method, target, headers) => {
    const key = config.anonKey;
    const fill = (v: string) => v.replace('KEY', key);
    const sent = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, fill(v)]));
    const res = await send(method, fill(target), sent, method === 'POST' ? '{"phone":"+8613800000000"}' : '');
    expect(res.status).toBe(299);
    expect(res.headers['x-answered-by']).toBe('gateway');
    expect(rest).toEqual([]);
    expect(gateway).toHaveLength(1);
    expect(gateway[0].method).toBe(method);
    expect(gateway[0].url).toBe(fill(target));
    for (const [k, v] of Object.entries(sent)) {
      if (k !== 'connection') expect(gateway[0].headers[k]).toBe(v);
    }
    if (method === 'POST') expect(gateway[0].body).toBe('{"phone":"+8613800000000"}');
  });

  it("tells the gateway the client's socket address, not what the client claims", async () => {
    const b = () => 1 + Math.floor(Math.random() * 253);
    const ip = `127.${b()}.${b()}.${b()}`;
    await send('POST', '/auth/v1/otp', { apikey: config.anonKey, [PEER_HEADER]: '10.1.2.3', 'x-forwarded-for': '10.4.5.6' }, '{}', ip);
    expect(gateway).toHaveLength(1);
    expect(gateway[0].headers[PEER_HEADER]).toBe(ip);
    // Client headers reach the gateway as sent; trusting them is the service's configuration.
    expect(gateway[0].headers['x-forwarded-for']).toBe('10.4.5.6');
  });

  it('answers what it cannot parse with a bare 400 and closes, like the Node gateway (no HTML a HEAD client would choke on)', async () => {
    // A body sent without Content-Length is, to HTTP/1.1, the start of the next request.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(config.ports.api, '127.0.0.1');
      let out = '';
      socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
      socket.write('DELETE /auth/v1/x HTTP/1.1\r\nHost: h\r\n\r\n[null,"x"]HEAD /rest/v1 HTTP/1.1\r\nHost: h\r\n\r\n');
    });
    const second = raw.slice(raw.indexOf('HTTP/1.1', 1));
    expect(second).toMatch(/^HTTP\/1\.1 400 /);
    expect(second).toMatch(/\r\ncontent-length: 0\r\n/i);
    expect(second).toMatch(/\r\nconnection: close\r\n/i);
    expect(second.endsWith('\r\n\r\n')).toBe(true);
  });

  it('answers 502 with a JSON body and CORS when PostgREST is down', async () => {
    restServer.closeAllConnections();
    await new Promise((r) => restServer.close(r));
    const res = await send('GET', '/rest/v1/posts?select=id', { apikey: config.anonKey });
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toEqual({ message: 'upstream unavailable' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('edge switch', () => {
  it('STACK_EDGE=node keeps the Node gateway alone on the API port', () => {
    expect(nginxBinary({ STACK_EDGE: 'node' })).toBeNull();
    expect(nginxBinary({ STACK_NGINX: '/nonexistent/nginx' })).toBeNull();
  });
});
