// Local mode only: fake WeChat (api.weixin.qq.com) and WeCom (qyapi.weixin.qq.com) server APIs,
// answering like the real ones (`{ errcode, errmsg }` with HTTP 200 on errors), so the login
// functions run their real HTTP client code. Codes are programmed by tests or people:
//   POST /__local/wechat/codes { kind: 'login', code, openid, unionid? }
//   POST /__local/wechat/codes { kind: 'phone', code, phone: '+8613800138000' }
//   POST /__local/wechat/codes { kind: 'wecom', code, userid, corpid? }
//   any kind may carry `errcode` (+ `errmsg`) to make the API answer that error instead.
// wxacode.getUnlimited (POST /wxa/getwxacodeunlimit) answers a PNG: a QR code of
// `wxacode:<page>?scene=<scene>` standing in for the round mini-program code.
// Notices: subscribeMessage.send (POST /cgi-bin/message/subscribe/send) and WeCom message/send
// (POST /cgi-bin/message/send) check the token and the body's shape and keep what they accepted:
//   GET  /__local/wechat/messages[?touser=…]   newest first
//   POST /__local/wechat/send-errors { api: 'wechat' | 'wecom', touser, errcode, times? }
//        makes the next `times` (default 1) sends to `touser` answer `errcode`.
// security.mediaCheckAsync v2 (POST /wxa/media_check_async) answers a trace_id at once and pushes
// the verdict a moment later to the message-push URL (`wxa_media_check`, signed with the push token
// as WeChat signs). It fetches the image as WeChat does: bytes containing `zx-risky` are risky
// (20002), `zx-review` need review (21000); else a media_url whose file name contains `risky` /
// `review` decides the same way; anything else passes. GET /__local/wechat/media-checks lists the checks (newest
// first); POST /__local/wechat/media-checks/push { trace_id } pushes that verdict again (a retry).
// Like the real APIs, a code works once (then 40163) and an unknown code is 40029; appid/secret and
// access tokens are checked, so a client sending the wrong ones fails here as it would there.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { readBody as readJsonBody, sendJson } from './http-json';

export const LOCAL_WECHAT_APP_ID = 'wx0000000000local';
export const LOCAL_WECHAT_APP_SECRET = 'local-wechat-app-secret';
export const LOCAL_WECOM_CORP_ID = 'wwlocalcorp0000001';
export const LOCAL_WECOM_CORP_SECRET = 'local-wecom-corp-secret';
export const LOCAL_WECOM_AGENT_ID = 1000002;
export const LOCAL_WECHAT_PUSH_TOKEN = 'local-wechat-push-token';

/** A mediaCheckAsync call the fake answered, and the event it pushes. */
export interface MediaCheck {
  trace_id: string;
  media_url: string;
  openid: string;
  event: Record<string, unknown>;
  pushed: number;
  last_push_status?: number;
}

export interface SentMessage {
  api: 'wechat' | 'wecom';
  touser: string;
  sent_at: string;
  /** wechat: template_id, page, data; wecom: agentid, content */
  template_id?: string;
  page?: string;
  data?: Record<string, { value: string }>;
  agentid?: number;
  content?: string;
}

type Programmed =
  | { kind: 'login'; openid: string; unionid?: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'wecom'; userid: string; corpid: string };
type Entry = Programmed & { errcode?: number; errmsg?: string; used: boolean };

const MAX_CODES = 5000;
const MAX_BODY = 16 * 1024;

const send = sendJson;
const err = (res: ServerResponse, errcode: number, errmsg: string) =>
  send(res, 200, { errcode, errmsg: `${errmsg}, rid: ${crypto.randomBytes(6).toString('hex')}` });

const readBody = (req: IncomingMessage) => readJsonBody(req, MAX_BODY);

/** The request's JSON object body, or undefined when it has none. */
async function readObject(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  try {
    const b: unknown = JSON.parse((await readBody(req)) ?? '');
    return typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown, max = 200) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

export interface LocalWechatOptions {
  appId?: string;
  appSecret?: string;
  corpId?: string;
  corpSecret?: string;
  /** where verdicts of mediaCheckAsync are pushed (the community-media-push function) */
  mediaPushUrl?: string;
  pushToken?: string;
  /** ms before the verdict is pushed */
  pushDelayMs?: number;
}

/** WeChat's push signature: SHA-1 of the sorted token, timestamp and nonce. */
export const pushSignature = (token: string, timestamp: string, nonce: string) =>
  crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

export function createLocalWechat(opts: LocalWechatOptions = {}) {
  const appId = opts.appId ?? LOCAL_WECHAT_APP_ID;
  const appSecret = opts.appSecret ?? LOCAL_WECHAT_APP_SECRET;
  const corpId = opts.corpId ?? LOCAL_WECOM_CORP_ID;
  const corpSecret = opts.corpSecret ?? LOCAL_WECOM_CORP_SECRET;
  const codes = new Map<string, Entry>();
  const tokens = new Map<string, 'wechat' | 'wecom'>();
  /** every API request received, newest last (tests assert request shapes) */
  const requests: Array<{ method: string; path: string; query: Record<string, string>; body?: unknown }> = [];
  /** notices the fake accepted, newest last */
  const messages: SentMessage[] = [];
  /** `<api>|<touser>` → the errcode the next sends answer, and how many times */
  const sendErrors = new Map<string, { errcode: number; times: number }>();
  const mediaChecks: MediaCheck[] = [];

  /** Like WeChat, fetches the image: bytes containing `zx-risky` / `zx-review` decide over the file name. */
  async function markedVerdict(mediaUrl: string): Promise<[string, number] | undefined> {
    try {
      const res = await fetch(mediaUrl, { signal: AbortSignal.timeout(5000) });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.includes('zx-risky')) return ['risky', 20002];
      if (bytes.includes('zx-review')) return ['review', 21000];
    } catch {
      // unreachable image: the file name decides
    }
    return undefined;
  }

  /** Pushes a check's verdict to the push URL as WeChat would; failures are kept on the check. */
  async function pushVerdict(check: MediaCheck): Promise<number | undefined> {
    if (!opts.mediaPushUrl) return undefined;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = crypto.randomBytes(8).toString('hex');
    const url = new URL(opts.mediaPushUrl);
    url.searchParams.set('signature', pushSignature(opts.pushToken ?? LOCAL_WECHAT_PUSH_TOKEN, timestamp, nonce));
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    check.pushed++;
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(check.event) });
      await res.text();
      check.last_push_status = res.status;
    } catch {
      check.last_push_status = 0;
    }
    return check.last_push_status;
  }

  /** A programmed failure for this send, if any (counted down). */
  function sendError(api: 'wechat' | 'wecom', touser: string): number | undefined {
    const key = `${api}|${touser}`;
    const e = sendErrors.get(key);
    if (!e) return undefined;
    if (--e.times <= 0) sendErrors.delete(key);
    return e.errcode;
  }
  function keep(m: Omit<SentMessage, 'sent_at'>): void {
    messages.push({ ...m, sent_at: new Date().toISOString() });
    messages.splice(0, Math.max(0, messages.length - 1000));
  }

  function program(body: Record<string, unknown>): string | undefined {
    const code = text(body.code, 128);
    if (!code) return 'code';
    const errcode = typeof body.errcode === 'number' ? body.errcode : undefined;
    const errmsg = text(body.errmsg);
    let entry: Programmed;
    if (body.kind === 'login') {
      const openid = text(body.openid);
      if (!openid && errcode === undefined) return 'openid';
      entry = { kind: 'login', openid: openid ?? '', unionid: text(body.unionid) };
    } else if (body.kind === 'phone') {
      const phone = text(body.phone, 20);
      if ((!phone || !/^\+\d{6,15}$/.test(phone)) && errcode === undefined) return 'phone (E.164)';
      entry = { kind: 'phone', phone: phone ?? '' };
    } else if (body.kind === 'wecom') {
      const userid = text(body.userid, 64);
      if (!userid && errcode === undefined) return 'userid';
      entry = { kind: 'wecom', userid: userid ?? '', corpid: text(body.corpid) ?? corpId };
    } else return 'kind';
    codes.set(code, { ...entry, errcode, errmsg, used: false });
    if (codes.size > MAX_CODES) codes.delete(codes.keys().next().value as string);
    return undefined;
  }

  /** The programmed entry of a code of `kind`, answering the API's error itself when there is none. */
  function take(res: ServerResponse, code: string | undefined, kind: Programmed['kind']): Entry | undefined {
    if (!code) return void err(res, 41008, 'missing code');
    const e = codes.get(code);
    if (!e || e.kind !== kind) return void err(res, 40029, 'invalid code');
    if (e.used) return void err(res, 40163, 'code been used');
    e.used = true;
    if (e.errcode !== undefined) return void err(res, e.errcode, e.errmsg ?? 'programmed error');
    return e;
  }

  function newToken(api: 'wechat' | 'wecom'): string {
    const t = `${api === 'wechat' ? '' : 'qy'}${crypto.randomBytes(24).toString('base64url')}`;
    tokens.set(t, api);
    return t;
  }

  /** `path` is below the mount point, with its query: `/sns/jscode2session?…`. */
  async function handle(api: 'wechat' | 'wecom', req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const url = new URL(path, 'http://local');
    const q = (k: string) => url.searchParams.get(k) ?? undefined;
    const method = req.method ?? 'GET';
    if (api === 'wechat' && url.pathname === '/codes') {
      if (method !== 'POST') return send(res, 405, { message: 'POST only' });
      const raw = await readBody(req);
      let body: unknown;
      try {
        body = JSON.parse(raw ?? '');
      } catch {
        return send(res, 400, { message: 'JSON body required' });
      }
      if (typeof body !== 'object' || body === null) return send(res, 400, { message: 'JSON object required' });
      const bad = program(body as Record<string, unknown>);
      return bad ? send(res, 400, { message: `invalid ${bad}` }) : send(res, 201, { ok: true });
    }
    if (api === 'wechat' && url.pathname === '/media-checks' && method === 'GET') {
      return send(res, 200, mediaChecks.slice(-100).reverse());
    }
    if (api === 'wechat' && url.pathname === '/media-checks/push' && method === 'POST') {
      const b = await readObject(req);
      if (!b) return send(res, 400, { message: 'JSON body required' });
      const check = mediaChecks.find((c) => c.trace_id === b.trace_id);
      if (!check) return send(res, 404, { message: 'unknown trace_id' });
      return send(res, 200, { status: await pushVerdict(check) });
    }
    if (api === 'wechat' && url.pathname === '/requests') return send(res, 200, requests.slice(-50).reverse());
    if (api === 'wechat' && url.pathname === '/messages' && method === 'GET') {
      const touser = q('touser');
      return send(res, 200, messages.filter((m) => !touser || m.touser === touser).slice(-100).reverse());
    }
    if (api === 'wechat' && url.pathname === '/send-errors' && method === 'POST') {
      const b = await readObject(req);
      if (!b) return send(res, 400, { message: 'JSON body required' });
      const target = b.api === 'wechat' || b.api === 'wecom' ? b.api : undefined;
      const touser = text(b.touser);
      if (!target || !touser || typeof b.errcode !== 'number') return send(res, 400, { message: 'api, touser, errcode required' });
      sendErrors.set(`${target}|${touser}`, { errcode: b.errcode, times: typeof b.times === 'number' && b.times > 0 ? b.times : 1 });
      return send(res, 201, { ok: true });
    }

    const raw = method === 'POST' ? await readBody(req) : undefined;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    requests.push({ method, path: `/${api}${url.pathname}`, query: Object.fromEntries(url.searchParams), body });
    requests.splice(0, Math.max(0, requests.length - 500));

    if (api === 'wechat') {
      if (url.pathname === '/sns/jscode2session' && method === 'GET') {
        if (q('appid') !== appId) return err(res, 40013, 'invalid appid');
        if (q('secret') !== appSecret) return err(res, 40125, 'invalid appsecret');
        if (q('grant_type') !== 'authorization_code') return err(res, 40002, 'invalid grant_type');
        const e = take(res, q('js_code'), 'login');
        if (!e || e.kind !== 'login') return;
        return send(res, 200, {
          openid: e.openid,
          session_key: crypto.randomBytes(16).toString('base64'),
          ...(e.unionid ? { unionid: e.unionid } : {}),
        });
      }
      if (url.pathname === '/cgi-bin/token' && method === 'GET') {
        if (q('grant_type') !== 'client_credential') return err(res, 40002, 'invalid grant_type');
        if (q('appid') !== appId) return err(res, 40013, 'invalid appid');
        if (q('secret') !== appSecret) return err(res, 40125, 'invalid appsecret');
        return send(res, 200, { access_token: newToken('wechat'), expires_in: 7200 });
      }
      if (url.pathname === '/wxa/business/getuserphonenumber' && method === 'POST') {
        if (tokens.get(q('access_token') ?? '') !== 'wechat') return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
        const code = typeof body === 'object' && body !== null ? text((body as { code?: unknown }).code, 128) : undefined;
        const e = take(res, code, 'phone');
        if (!e || e.kind !== 'phone') return;
        const m = /^\+(86)(\d+)$/.exec(e.phone) ?? /^\+(\d{1,3})(\d+)$/.exec(e.phone)!;
        const [cc, pure] = [m[1], m[2]];
        return send(res, 200, {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: cc === '86' ? pure : `+${cc} ${pure}`,
            purePhoneNumber: pure,
            countryCode: cc,
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId },
          },
        });
      }
      if (url.pathname === '/wxa/getwxacodeunlimit' && method === 'POST') {
        if (tokens.get(q('access_token') ?? '') !== 'wechat') return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
        const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        // scene: at most 32 visible characters of the documented set; page: an app page without a leading slash.
        if (typeof b.scene !== 'string' || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/.test(b.scene)) return err(res, 40169, 'invalid length for scene, or the data is not json');
        if (b.page !== undefined && (typeof b.page !== 'string' || !/^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i.test(b.page))) return err(res, 41030, 'invalid page');
        if (b.env_version !== undefined && !['release', 'trial', 'develop'].includes(String(b.env_version))) return err(res, 40097, 'invalid args');
        const png = await QRCode.toBuffer(`wxacode:${String(b.page ?? '')}?scene=${b.scene}`, { type: 'png', width: Math.min(1280, Math.max(280, Number(b.width) || 430)) });
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
        res.end(png);
        return;
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && method === 'POST') {
        if (tokens.get(q('access_token') ?? '') !== 'wechat') return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
        const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        const touser = text(b.touser);
        if (!touser) return err(res, 40003, 'invalid openid');
        if (!text(b.template_id, 64)) return err(res, 40037, 'invalid template_id');
        if (b.page !== undefined && (typeof b.page !== 'string' || b.page.startsWith('/'))) return err(res, 41030, 'invalid page');
        const data = b.data as Record<string, { value?: unknown }> | undefined;
        // keyword values: an object per keyword with a string value; thing.DATA at most 20 characters
        const bad = !data || typeof data !== 'object' || Object.keys(data).length === 0 || Object.entries(data).some(([k, v]) =>
          typeof v?.value !== 'string' || v.value.length === 0 || (k.startsWith('thing') && Array.from(v.value).length > 20));
        if (bad) return err(res, 47003, 'argument invalid! data.thing.value invalid');
        const programmed = sendError('wechat', touser);
        if (programmed !== undefined) return err(res, programmed, 'programmed error');
        keep({ api: 'wechat', touser, template_id: String(b.template_id), page: b.page as string | undefined, data: data as SentMessage['data'] });
        return send(res, 200, { errcode: 0, errmsg: 'ok', msgid: Date.now() });
      }
      // security.msgSecCheck v2: a fixed, documented rule set stands in for WeChat's models —
      // "加微信领红包" is risky (10001 ads), "擦边" needs review (20012 vulgar), the rest passes.
      if (url.pathname === '/wxa/msg_sec_check' && method === 'POST') {
        if (tokens.get(q('access_token') ?? '') !== 'wechat') return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
        const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        if (b.version !== 2 || ![1, 2, 3, 4].includes(Number(b.scene))) return err(res, 40097, 'invalid args');
        if (typeof b.openid !== 'string' || !b.openid) return err(res, 40003, 'invalid openid');
        if (typeof b.content !== 'string' || b.content.length > 2500) return err(res, 87014, 'content too long');
        const content = `${typeof b.title === 'string' ? b.title : ''}${b.content}`;
        const [suggest, label] = content.includes('加微信领红包') ? ['risky', 10001] : content.includes('擦边') ? ['review', 20012] : ['pass', 100];
        return send(res, 200, {
          errcode: 0, errmsg: 'ok', trace_id: crypto.randomBytes(8).toString('hex'),
          result: { suggest, label }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
        });
      }
      if (url.pathname === '/wxa/media_check_async' && method === 'POST') {
        if (tokens.get(q('access_token') ?? '') !== 'wechat') return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
        const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        if (b.version !== 2 || ![1, 2, 3, 4].includes(Number(b.scene)) || ![1, 2].includes(Number(b.media_type))) return err(res, 40097, 'invalid args');
        if (typeof b.openid !== 'string' || !b.openid) return err(res, 40003, 'invalid openid');
        if (typeof b.media_url !== 'string' || !/^https?:\/\//.test(b.media_url)) return err(res, 40097, 'invalid media_url');
        const file = decodeURIComponent(new URL(b.media_url).pathname.split('/').pop() ?? '');
        const [suggest, label] = file.includes('risky') ? ['risky', 20002] : file.includes('review') ? ['review', 21000] : ['pass', 100];
        const traceId = `${crypto.randomBytes(4).toString('hex')}-${crypto.randomBytes(4).toString('hex')}-${crypto.randomBytes(4).toString('hex')}`;
        const check: MediaCheck = {
          trace_id: traceId, media_url: b.media_url, openid: b.openid, pushed: 0,
          event: {
            ToUserName: 'gh_local000000', FromUserName: b.openid, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event',
            Event: 'wxa_media_check', appid: appId, trace_id: traceId, version: 2, errcode: 0, errmsg: 'ok',
            detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }], result: { suggest, label },
          },
        };
        mediaChecks.push(check);
        mediaChecks.splice(0, Math.max(0, mediaChecks.length - 500));
        setTimeout(() => void markedVerdict(b.media_url as string).then((marked) => {
          if (marked) {
            const result = { suggest: marked[0], label: marked[1] };
            check.event = { ...check.event, result, detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }] };
          }
          return pushVerdict(check);
        }), opts.pushDelayMs ?? 300);
        return send(res, 200, { errcode: 0, errmsg: 'ok', trace_id: traceId });
      }
    } else {
      if (url.pathname === '/cgi-bin/message/send' && method === 'POST') {
        if (tokens.get(q('access_token') ?? '') !== 'wecom') return err(res, 40014, 'invalid access_token');
        const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        if (b.agentid !== LOCAL_WECOM_AGENT_ID) return err(res, 40056, 'invalid agentid');
        const touser = text(b.touser, 1000);
        const content = (b.text as { content?: unknown } | undefined)?.content;
        if (!touser) return err(res, 40003, 'invalid userid');
        if (b.msgtype !== 'text' || typeof content !== 'string' || !content) return err(res, 40008, 'invalid message type');
        const programmed = sendError('wecom', touser);
        if (programmed !== undefined) return err(res, programmed, 'programmed error');
        keep({ api: 'wecom', touser, agentid: b.agentid as number, content });
        return send(res, 200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${Date.now()}` });
      }
      if (url.pathname === '/cgi-bin/gettoken' && method === 'GET') {
        if (q('corpid') !== corpId) return err(res, 40013, 'invalid corpid');
        if (q('corpsecret') !== corpSecret) return err(res, 40001, 'invalid secret');
        return send(res, 200, { errcode: 0, errmsg: 'ok', access_token: newToken('wecom'), expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/miniprogram/jscode2session' && method === 'GET') {
        if (tokens.get(q('access_token') ?? '') !== 'wecom') return err(res, 40014, 'invalid access_token');
        if (q('grant_type') !== 'authorization_code') return err(res, 40002, 'invalid grant_type');
        const e = take(res, q('js_code'), 'wecom');
        if (!e || e.kind !== 'wecom') return;
        return send(res, 200, {
          errcode: 0,
          errmsg: 'ok',
          corpid: e.corpid,
          userid: e.userid,
          session_key: crypto.randomBytes(16).toString('base64'),
        });
      }
    }
    return err(res, 48001, 'api unauthorized');
  }

  return { handle, program, codes, requests, messages, mediaChecks };
}
