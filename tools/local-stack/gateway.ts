// The one HTTP entry point on Supabase's paths, doing what Kong does in a Supabase deployment:
// CORS, `apikey` checks per route, and routing to PostgREST, Deno, and the auth/storage stand-ins.
// Authorization decisions stay in the database (RLS) and in the services; the gateway only refuses
// what Supabase's gateway refuses before a request reaches them.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Pool } from 'pg';
import { REPO_ROOT, type StackConfig } from './config';
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

// Kong's cors plugin as Supabase configures it: any origin, request headers echoed.
const ALLOW_HEADERS =
  'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, ' +
  'x-upsert, cache-control, x-supabase-api-version, accept, accept-language, content-language, x-requested-with';
const EXPOSE_HEADERS =
  'Content-Length, Content-Range, Content-Type, Content-Disposition, Content-Location, ETag, Location, ' +
  'Preference-Applied, Range-Unit, X-Supabase-Api-Version, X-Total-Count';

// Auth routes Kong leaves open: links opened from SMS/email or a browser redirect carry no apikey.
const AUTH_OPEN = /^\/(verify|callback|authorize)(\/|$)/;
// Storage downloads by public or signed URL are plain links (<img src>, wx.downloadFile); a signed
// upload URL is likewise used bare (wx.uploadFile).
const STORAGE_OPEN = /^\/(object|render\/image)\/(public|sign|upload\/sign)\//;

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
  const wechat = createLocalWechat();
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
  function apiKey(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): string | false {
    const key = (req.headers.apikey as string | undefined) ?? query.get('apikey') ?? undefined;
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
    const query = new URLSearchParams(queryString);
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
      // Bad JWTs are the storage service's to refuse, with Storage's own status and body.
      if (!STORAGE_OPEN.test(sub) && !apiKey(req, res, query)) return;
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
      return sms.list(query, res);
    }
    if (config.local && pathname === '/__local/sms-provider') return sms.provider(req, res);
    // Fake WeChat / WeCom server APIs (see local-wechat.ts); codes are programmed at /__local/wechat/codes.
    if (config.local && (sub = under('/__local/wechat')) !== undefined) return wechat.handle('wechat', req, res, withQuery(sub));
    if (config.local && (sub = under('/__local/wecom')) !== undefined) return wechat.handle('wecom', req, res, withQuery(sub));
    sendJson(res, 404, { message: 'no Route matched with those values' });
  }

  const server = http.createServer((req, res) => {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.ports.api, config.host, () => resolve());
  });
  log(`gateway on ${config.apiUrl}`);
  return {
    async stop() {
      await Promise.all([auth.close?.(), storage.close?.()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
