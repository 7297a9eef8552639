// WeCom sign-in for the qywx build, called before sign-in with the anon key (verify_jwt = false).
// POST { code } (from `wx.qy.login`): WeCom jscode2session → (corpid, userid) → the linked
// account → a GoTrue session. The first time a member has no link: they sign in with phone + SMS
// code as usual and call wecom-login again with the same kind of code while signed in (supabase-js
// sends their access token): the member is then linked to that account. Until then 404
// `wecom_not_linked`.
import { acceptPost } from '../_shared/request.ts';
import { bearerToken } from '../_shared/gate.ts';
import { wecomCode2Session, wecomConfigFromEnv } from '../_shared/wechat/wecom.ts';
import { signInLinked } from '../_shared/wechat/sign-in.ts';
import { WecomLoginRequest } from './schema.ts';

export async function handler(req: Request): Promise<Response> {
  const parsed = await acceptPost(req, WecomLoginRequest);
  if (!parsed.ok) return parsed.response;
  const cfg = wecomConfigFromEnv();
  return signInLinked({
    provider: 'wecom',
    subject: async () => {
      const m = await wecomCode2Session(cfg, parsed.body.code);
      return { subject: `${m.corpid}:${m.userid}` };
    },
    callerToken: bearerToken(req),
  });
}
