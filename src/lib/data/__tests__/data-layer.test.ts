/**
 * @jest-environment node
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../errors/app-error';
import type { Database } from '../../supabase/database.types';
import { createDataLayer } from '../create';
import { mapStorageError } from '../errors';
import { newestFirst } from '../newest';
import { onGateRefusal, type GateCode } from '../gate';
import type { ModuleMessages } from '../messages';

// The data layer with a real supabase-js client against a tiny HTTP server that answers as
// PostgREST and the Functions gateway do (status, headers, JSON bodies). Nothing of the data layer
// is replaced: what is checked is what a screen would receive.

type Answer = { status: number; body?: unknown; raw?: string };
type Route = (req: IncomingMessage, body: string) => Answer;

let server: Server;
let url = '';
const routes = new Map<string, Route>();
const seen: Array<{ method: string; path: string; query: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      seen.push({ method: req.method ?? '', path, query: (req.url ?? '').split('?')[1] ?? '', body });
      const route = routes.get(`${req.method} ${path}`);
      const answer = route ? route(req, body) : { status: 404, body: { code: 'PGRST202', message: 'Could not find the function', hint: 'Perhaps you meant …' } };
      const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      res.writeHead(answer.status, text && answer.raw === undefined ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'text/plain' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  routes.clear();
  seen.length = 0;
});

// Node 20 has no WebSocket: realtime-js needs one to construct, though nothing here subscribes.
const options = { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } };
const client = () => createClient<Database>(url, 'test-anon-key', options);

const TABLE_FIRST: ModuleMessages = { messages: { not_enterprise_admin: '仅企业管理员可以执行此操作', consent_required: '请先同意协议' } };
const SERVER_FIRST: ModuleMessages = { ...TABLE_FIRST, serverTextFirst: true };
const NO_GATE: ModuleMessages = { ...TABLE_FIRST, signalsGate: false };

const refusal = (status: number, code: string, message: string, hint: string | null) => () => ({
  status,
  body: { code, message, hint, details: null },
});

describe('call (RPC)', () => {
  it('sends the named arguments and returns the typed result', async () => {
    routes.set('POST /rest/v1/rpc/set_phone_allowlist', () => ({ status: 200, body: 2 }));
    const db = createDataLayer(client(), TABLE_FIRST);
    await expect(db.call('set_phone_allowlist', { p_enterprise_id: 'e-1', p_phones: ['13800000000', '13800000001'] })).resolves.toBe(2);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/rest/v1/rpc/set_phone_allowlist' });
    expect(JSON.parse(seen[0].body)).toEqual({ p_enterprise_id: 'e-1', p_phones: ['13800000000', '13800000001'] });
  });

  it("a refusal keeps the server's code and status; the module decides whose wording wins", async () => {
    routes.set('POST /rest/v1/rpc/remove_member', refusal(403, '42501', 'not_enterprise_admin', '只有该部门的负责人可以移除成员'));
    const tableFirst = await createDataLayer(client(), TABLE_FIRST).run('remove_member', { p_enterprise_id: 'e', p_user_id: 'u' }).catch((e: unknown) => e);
    expect(tableFirst).toBeInstanceOf(AppError);
    expect(tableFirst).toMatchObject({ code: 'not_enterprise_admin', message: '仅企业管理员可以执行此操作', status: 403, gateRefusal: false });
    const serverFirst = await createDataLayer(client(), SERVER_FIRST).run('remove_member', { p_enterprise_id: 'e', p_user_id: 'u' }).catch((e: unknown) => e);
    expect(serverFirst).toMatchObject({ code: 'not_enterprise_admin', message: '只有该部门的负责人可以移除成员', status: 403 });
  });

  it("a code the table lacks shows the server's Chinese hint; Postgres' English never shows", async () => {
    routes.set('POST /rest/v1/rpc/leave_enterprise', refusal(400, 'P0001', 'brand_new_rule', '新的规则说明'));
    routes.set('POST /rest/v1/rpc/switch_enterprise', refusal(400, '22P02', 'invalid input syntax for type uuid: "x"', null));
    routes.set('POST /rest/v1/rpc/revoke_invitation', refusal(500, 'XX000', 'something broke', 'see the server log'));
    const db = createDataLayer(client(), TABLE_FIRST);
    await expect(db.run('leave_enterprise', { p_enterprise_id: 'e' })).rejects.toMatchObject({ code: 'brand_new_rule', message: '新的规则说明' });
    await expect(db.run('switch_enterprise', { p_enterprise_id: 'x' })).rejects.toMatchObject({ code: 'invalid_request', message: '请求参数有误，请检查后重试' });
    await expect(db.run('revoke_invitation', { p_invitation_id: 'i' })).rejects.toMatchObject({ code: 'unknown', message: UNKNOWN_ERROR_MESSAGE, status: 500 });
  });

  it('a function the server lacks is rpc_missing, an empty answer empty_response', async () => {
    routes.set('POST /rest/v1/rpc/my_consent_status', () => ({ status: 200, body: null }));
    const db = createDataLayer(client(), TABLE_FIRST);
    await expect(db.call('my_enterprises')).rejects.toMatchObject({ code: 'rpc_missing', status: 404 });
    await expect(db.call('my_consent_status')).rejects.toMatchObject({ code: 'empty_response', message: UNKNOWN_ERROR_MESSAGE });
    await expect(db.callNullable('my_consent_status')).resolves.toBeNull();
  });

  it('an unreachable server is a network error', async () => {
    const offline = createClient<Database>('http://127.0.0.1:9', 'k', options);
    await expect(createDataLayer(offline, TABLE_FIRST).call('my_enterprises')).rejects.toMatchObject({ code: 'network', message: NETWORK_ERROR_MESSAGE, status: 0 });
  });
});

describe('the gate-refusal signal', () => {
  const heard: GateCode[] = [];
  beforeEach(() => {
    heard.length = 0;
    onGateRefusal((code) => heard.push(code));
  });
  afterEach(() => onGateRefusal(null));

  it('every module raises it for a gate refusal, from an RPC, a read or a function', async () => {
    routes.set('POST /rest/v1/rpc/get_my_profile', refusal(403, '42501', 'consent_required', '请先阅读并同意最新的用户协议和隐私政策'));
    routes.set('GET /rest/v1/invitations', refusal(403, '42501', 'account_suspended', '你的账号已被暂停使用'));
    routes.set('POST /functions/v1/guardian', () => ({ status: 403, body: { code: 'guardian_required', message: '未成年人须经监护人确认后才能使用' } }));
    const db = createDataLayer(client(), SERVER_FIRST);
    await expect(db.call('get_my_profile')).rejects.toMatchObject({ code: 'consent_required', gateRefusal: true, status: 403 });
    await expect(db.read((c) => c.from('invitations').select('id'))).rejects.toMatchObject({ code: 'account_suspended', gateRefusal: true });
    await expect(db.invoke('guardian', { action: 'send' })).rejects.toMatchObject({ code: 'guardian_required', gateRefusal: true, status: 403 });
    expect(heard).toEqual(['consent_required', 'account_suspended', 'guardian_required']);
  });

  it('is not raised for other refusals, nor by a module that calls before sign-in', async () => {
    routes.set('POST /rest/v1/rpc/get_my_profile', refusal(403, '42501', 'consent_required', '请先同意'));
    routes.set('POST /rest/v1/rpc/leave_enterprise', refusal(400, 'P0001', 'last_admin', '企业至少需要一名管理员'));
    await expect(createDataLayer(client(), NO_GATE).call('get_my_profile')).rejects.toMatchObject({ code: 'consent_required', gateRefusal: true });
    await expect(createDataLayer(client(), TABLE_FIRST).run('leave_enterprise', { p_enterprise_id: 'e' })).rejects.toMatchObject({ code: 'last_admin' });
    expect(heard).toEqual([]);
  });
});

describe('read (PostgREST select)', () => {
  it('returns the rows RLS lets through, with the filters sent as PostgREST query parameters', async () => {
    routes.set('GET /rest/v1/enterprise_phone_allowlist', () => ({ status: 200, body: [{ phone: '13800000000' }] }));
    const db = createDataLayer(client(), TABLE_FIRST);
    const rows = await db.read((c) => c.from('enterprise_phone_allowlist').select('phone').eq('enterprise_id', 'e-1').limit(5));
    expect(rows.map((r) => r.phone)).toEqual(['13800000000']);
    expect(new URLSearchParams(seen[0].query).get('enterprise_id')).toBe('eq.e-1');
    expect(new URLSearchParams(seen[0].query).get('limit')).toBe('5');
  });
  it('newestFirst filters by status only when asked, newest first, at most 100 rows', async () => {
    routes.set('GET /rest/v1/account_reports', () => ({ status: 200, body: [] }));
    const db = createDataLayer(client(), TABLE_FIRST);
    await db.read((c) => newestFirst(c.from('account_reports').select('id, status, created_at'), 'open'));
    await db.read((c) => newestFirst(c.from('account_reports').select('id, status, created_at'), null));
    const [open, all] = seen.map((r) => new URLSearchParams(r.query));
    expect([open.get('status'), open.get('order'), open.get('limit')]).toEqual(['eq.open', 'created_at.desc', '100']);
    expect([all.get('status'), all.get('order'), all.get('limit')]).toEqual([null, 'created_at.desc', '100']);
  });
});

describe('invoke (edge function)', () => {
  it('returns the answer, and maps a refusal body to its code, with the table or the server text', async () => {
    routes.set('POST /functions/v1/password-change', (_req, body) =>
      JSON.parse(body).action === 'send' ? { status: 200, body: { sent: true } } : { status: 400, body: { code: 'code_invalid', message: '验证码错误' } },
    );
    const db = createDataLayer(client(), TABLE_FIRST);
    await expect(db.invoke<{ sent: boolean }>('password-change', { action: 'send' })).resolves.toEqual({ sent: true });
    await expect(db.invoke('password-change', { action: 'confirm' })).rejects.toMatchObject({ code: 'code_invalid', message: '验证码错误', status: 400 });
  });

  it('a body without a code is unknown; an unreachable function is a network error', async () => {
    routes.set('POST /functions/v1/storage-sign', () => ({ status: 502, raw: 'Bad Gateway' }));
    await expect(createDataLayer(client(), TABLE_FIRST).invoke('storage-sign', {})).rejects.toMatchObject({ code: 'unknown', status: 502 });
    const offline = createClient<Database>('http://127.0.0.1:9', 'k', options);
    await expect(createDataLayer(offline, TABLE_FIRST).invoke('storage-sign', {})).rejects.toMatchObject({ code: 'network' });
  });
});

describe('Storage upload failures', () => {
  const UPLOAD: ModuleMessages = { messages: { file_too_large: '文件不能超过 10 MB', no_right: '仅企业管理员可以上传' } };
  it('reads the status Storage meant from its body and names a refusal as the module says', () => {
    expect(mapStorageError(400, JSON.stringify({ statusCode: '413', error: 'Payload too large' }), UPLOAD)).toMatchObject({ code: 'file_too_large', message: '文件不能超过 10 MB', status: 413 });
    expect(mapStorageError(400, JSON.stringify({ statusCode: '403' }), UPLOAD, 'no_right')).toMatchObject({ code: 'no_right', message: '仅企业管理员可以上传' });
    expect(mapStorageError(502, '<html>', UPLOAD)).toMatchObject({ code: 'upload_failed', message: UNKNOWN_ERROR_MESSAGE, status: 502 });
    // a database rule's own Chinese words (the kb quota trigger) reach people; Postgres' English does not
    const full = '存储空间已满（已用 5 GB / 共 5 GB），请联系管理员清理或升级版本';
    expect(mapStorageError(400, JSON.stringify({ statusCode: '400', code: 'InvalidParameter', message: full }), UPLOAD)).toMatchObject({ code: 'upload_refused', message: full });
    expect(mapStorageError(400, JSON.stringify({ statusCode: '400', message: 'invalid input syntax' }), UPLOAD)).toMatchObject({ code: 'upload_failed' });
  });
});
