// WeCom sign-in for the qywx build, called before sign-in with the anon key (verify_jwt = false).
// POST { code } (from `wx.qy.login`): WeCom jscode2session → (corpid, userid) → the linked
// account → a GoTrue session. The first time a member has no link: they sign in with phone + SMS
// code as usual and call wecom-login again with the same kind of code while signed in (supabase-js
// sends their access token): the member is then linked to that account. Until then 404
// `wecom_not_linked`.
import { preflight } from '../_shared/cors.ts';
import { fail, readJson } from '../_shared/http.ts';
import { bearerToken } from '../_shared/gate.ts';
import { wecomCode2Session, wecomConfigFromEnv } from '../_shared/wechat/wecom.ts';
import { signInLinked } from '../_shared/wechat/sign-in.ts';
import { WecomLoginRequest } from './schema.ts';

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== 'POST') return fail(405, 'method_not_allowed', '请求方式不支持');
  const parsed = WecomLoginRequest.safeParse(await readJson(req));
  if (!parsed.success) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  const cfg = wecomConfigFromEnv();
  return signInLinked({
    provider: 'wecom',
    subject: async () => {
      const m = await wecomCode2Session(cfg, parsed.data.code);
      return { subject: `${m.corpid}:${m.userid}` };
    },
    callerToken: bearerToken(req),
  });
}
