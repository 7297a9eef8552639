// The one HTTP entry point on Supabase's paths, doing what Kong does in a Supabase deployment:
// CORS, `apikey` checks per route, and routing to PostgREST, Deno, and the auth/storage stand-ins.
// Authorization decisions stay in the database (RLS) and in the services; the gateway only refuses
// what Supabase's gateway refuses before a request reaches them.
// When nginx is installed, the edge (edge.ts) takes the API port and serves `/rest/v1` with a valid
// key itself; this server then listens on a unix socket behind it and answers everything else.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Pool } from 'pg';
import { REPO_ROOT, type StackConfig } from './config';
import { ALLOW_HEADERS, EXPOSE_HEADERS } from './cors';
import { gatewaySocketPath, nginxBinary, PEER_HEADER, startEdge, type EdgeHandle } from './edge';
import { verifyJwt } from './jwt';
import { proxy } from './proxy';
import { parseToml } from './toml';
import { createLocalSms } from './local-sms';
import { createLocalWechat } from './local-wechat';
import { createAuthService } from './auth/service';
import { createStorageService } from './storage/service';
import type { MountedService, ServiceContext } from './types';

const FUNCTIONS_DIR = path.join(REPO_ROOT, 'supabase', 'functions');
const FUNCTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

// Auth routes Kong leaves open: links opened from SMS/email or a browser redirect carry no apikey.
const AUTH_OPEN = /^\/(verify|callback|authorize)(\/|$)/;

/** `[functions.<name>] verify_jwt = false` in supabase/config.toml; default true like Supabase. */
export function loadVerifyJwt(file = path.join(REPO_ROOT, 'supabase', 'config.toml')): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const [table, values] of Object.entries(parseToml(fs.readFileSync(file, 'utf8')))) {
    const name = /^functions\.([A-Za-z0-9_-]+)$/.exec(table)?.[1];
    if (name && typeof values.verify_jwt === 'boolean') out.set(name, values.verify_jwt);
  }
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', String(req.headers['access-control-request-headers'] ?? ALLOW_HEADERS));
    res.setHeader('Access-Control-Max-Age', '3600');
  }
}

/** Query without `apikey`, other parameters byte for byte (PostgREST filters are encoding-sensitive). */
function withoutApikey(query: string): string {
  if (!query.includes('apikey') && !query.includes('&&') && !query.startsWith('&') && !query.endsWith('&')) return query;
  return query
    .split('&')
    .filter((p) => p && !/^apikey(=|$)/.test(p))
    .join('&');
}

function bearer(req: IncomingMessage): string | undefined | null {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : null; // null: present but not a bearer token
}

export interface GatewayOptions {
  config: StackConfig;
  pool: Pool;
  log: (m: string) => void;
}

export async function startGateway({ config, pool, log }: GatewayOptions) {
  const ctx: ServiceContext = { config, pool, log };
  const auth: MountedService = createAuthService(ctx);
  const storage: MountedService = createStorageService(ctx);
  const sms = createLocalSms();
  const wechat = createLocalWechat({ mediaPushUrl: `${config.apiUrl}/functions/v1/community-media-push` });
  const verifyJwtFor = loadVerifyJwt();
  const apiKeys = new Set([config.anonKey, config.serviceRoleKey]);

  const jwtValid = (token: string) => {
    try {
      verifyJwt(token, config.jwtSecret);
      return true;
    } catch {
      return false;
    }
  };

  /** Kong's key-auth: refuses here and returns false, or returns the key. */
  function apiKey(req: IncomingMessage, res: ServerResponse, query: () => URLSearchParams): string | false {
    const key = (req.headers.apikey as string | undefined) ?? query().get('apikey') ?? undefined;
    if (!key) {
      sendJson(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
      return false;
    }
    if (!apiKeys.has(key)) {
      sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
      return false;
    }
    return key;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const queryString = q < 0 ? '' : raw.slice(q + 1);
    let parsed: URLSearchParams | undefined;
    const query = () => (parsed ??= new URLSearchParams(queryString)); // parsed only when read
    const under = (prefix: string) => (pathname === prefix || pathname.startsWith(prefix + '/') ? pathname.slice(prefix.length) || '/' : undefined);
    const withQuery = (p: string) => (queryString ? `${p}?${queryString}` : p);

    setCors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(200, { 'content-length': '0' }).end();
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });

    let sub: string | undefined;
    if ((sub = under('/rest/v1')) !== undefined) {
      const key = apiKey(req, res, query);
      if (!key) return;
      const rest = withoutApikey(queryString);
      // Like Supabase's gateway: a request with only an apikey runs as that key's role.
      const setHeaders = req.headers.authorization ? undefined : { authorization: `Bearer ${key}` };
      return proxy(req, res, { port: config.ports.rest, path: rest ? `${sub}?${rest}` : sub, setHeaders });
    }
    if ((sub = under('/auth/v1')) !== undefined) {
      if (!AUTH_OPEN.test(sub) && !apiKey(req, res, query)) return;
      return auth.handle(req, res, withQuery(sub));
    }
    if ((sub = under('/storage/v1')) !== undefined) {
      // Supabase's gateway has no key-auth on /storage/v1 (Kong's storage route only adds CORS):
      // a request with a valid JWT and no apikey reaches Storage, which decides by the JWT alone.
      // Bad JWTs are the storage service's to refuse, with Storage's own status and body.
      return storage.handle(req, res, withQuery(sub));
    }
    if ((sub = under('/functions/v1')) !== undefined) {
      const name = sub.split('/')[1] ?? '';
      if (!FUNCTION_NAME.test(name) || !fs.existsSync(path.join(FUNCTIONS_DIR, name, 'handler.ts'))) {
        return sendJson(res, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
      }
      if (verifyJwtFor.get(name) ?? true) {
        const token = bearer(req);
        if (!token) return sendJson(res, 401, { code: 401, message: 'Missing authorization header' });
        if (!jwtValid(token)) return sendJson(res, 401, { code: 401, message: 'Invalid JWT' });
      }
      return proxy(req, res, { port: config.ports.functions, path: withQuery(sub) });
    }
    if (config.local && pathname === '/__local/sms') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { message: 'GET only' });
      return sms.list(query(), res);
    }
    if (config.local && pathname === '/__local/sms-provider') return sms.provider(req, res);
    // Fake WeChat / WeCom server APIs (see local-wechat.ts); codes are programmed at /__local/wechat/codes.
    if (config.local && (sub = under('/__local/wechat')) !== undefined) return wechat.handle('wechat', req, res, withQuery(sub));
    if (config.local && (sub = under('/__local/wecom')) !== undefined) return wechat.handle('wecom', req, res, withQuery(sub));
    sendJson(res, 404, { message: 'no Route matched with those values' });
  }

  let edge: EdgeHandle | undefined;
  let behindEdge = false;
  const server = http.createServer((req, res) => {
    if (behindEdge) presentPeer(req);
    route(req, res).catch((e: unknown) => {
      log(`gateway: ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'internal gateway error' });
      else res.destroy();
    });
  });
  // Malformed HTTP is the client's error: answer 400 rather than dropping the socket silently.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  const listen = (target: { port: number; host: string } | { path: string }) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(target, () => {
        server.off('error', reject);
        resolve();
      });
    });

  const nginx = nginxBinary();
  const socket = gatewaySocketPath(config);
  if (nginx) {
    try {
      fs.rmSync(socket, { force: true });
      await listen({ path: socket });
      behindEdge = true;
      edge = await startEdge({ config, gatewaySocket: socket, nginx });
      log(`gateway on ${config.apiUrl} (nginx edge; Node gateway on ${socket})`);
    } catch (e) {
      // No edge, no harm: the Node gateway alone does everything (just slower on /rest/v1).
      log(`edge (nginx) not started, Node gateway alone: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      behindEdge = false;
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(socket, { force: true });
    }
  }
  if (!edge) {
    await listen({ port: config.ports.api, host: config.host });
    log(`gateway on ${config.apiUrl}`);
  }
  return {
    async stop() {
      await edge?.stop();
      await Promise.all([auth.close?.(), storage.close?.()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (edge) fs.rmSync(socket, { force: true });
    },
  };
}

/**
 * Behind the edge every connection comes from nginx: show the services (the auth rate limiter keys
 * on `req.socket.remoteAddress`) the client's address, which nginx sends in PEER_HEADER after
 * overwriting whatever the client sent. The socket is the gateway's unix socket, which only the
 * edge connects to, and the edge opens one connection per request (no upstream keep-alive).
 */
function presentPeer(req: IncomingMessage): void {
  const peer = req.headers[PEER_HEADER];
  delete req.headers[PEER_HEADER];
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
  if (typeof peer === 'string' && peer) Object.defineProperty(req.socket, 'remoteAddress', { value: peer, configurable: true });
}
