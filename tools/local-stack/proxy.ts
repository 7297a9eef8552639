// Streaming reverse proxy for the gateway (PostgREST, Deno). Bodies are piped, never buffered, and
// hop-by-hop headers are dropped as RFC 9110 §7.6.1 requires of a proxy.
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection',
  'te', 'trailer', 'transfer-encoding', 'upgrade', 'host',
]);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function forwardable(headers: IncomingMessage['headers'], drop: (name: string) => boolean): OutgoingHttpHeaders {
  const listed = String(headers.connection ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.includes(name) || drop(name)) continue;
    out[name] = value;
  }
  return out;
}

export interface ProxyTarget {
  port: number;
  /** path + query as the upstream should see it */
  path: string;
  /** headers to set (override) on the upstream request */
  setHeaders?: Record<string, string>;
}

export function proxy(req: IncomingMessage, res: ServerResponse, target: ProxyTarget): Promise<void> {
  return new Promise((resolve) => {
    const headers = forwardable(req.headers, () => false);
    Object.assign(headers, target.setHeaders ?? {});
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    headers['x-forwarded-host'] = req.headers.host ?? '';
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: target.path, headers, agent },
      (up) => {
        // The gateway owns CORS (like Kong): upstream CORS headers would duplicate ours.
        const outHeaders = forwardable(up.headers, (n) => n.startsWith('access-control-'));
        for (const [name, value] of Object.entries(outHeaders)) if (value !== undefined) res.setHeader(name, value);
        res.writeHead(up.statusCode ?? 502);
        up.pipe(res);
        up.on('end', () => resolve());
        up.on('error', () => {
          res.destroy();
          resolve();
        });
      },
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `upstream unavailable: ${e.message}` }));
      } else {
        res.destroy();
      }
      resolve();
    });
    // A client that goes away must not leave the upstream request hanging.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
}
