// WeChat mini-program sign-in, called before sign-in with the anon key (verify_jwt = false).
// POST { code, phone_code? }: code2Session → the account linked to the openid → a GoTrue session.
// An openid without a link needs `phone_code` (getPhoneNumber): the WeChat-verified phone signs in
// the existing phone account, or a new one is created, and the openid is linked to it. Without
// either: 404 `wechat_not_linked`, and the app shows the phone-number button. Consent and the rest
// of the gate apply after sign-in, as for SMS sign-in.
import { acceptPost } from '../_shared/request.ts';
import { bearerToken } from '../_shared/gate.ts';
import { code2Session, getPhoneNumber, weixinConfigFromEnv } from '../_shared/wechat/weixin.ts';
import { WechatApiError } from '../_shared/wechat/errors.ts';
import { signInLinked } from '../_shared/wechat/sign-in.ts';
import { WechatLoginRequest } from './schema.ts';

export async function handler(req: Request): Promise<Response> {
  const parsed = await acceptPost(req, WechatLoginRequest);
  if (!parsed.ok) return parsed.response;
  const { code, phone_code } = parsed.body;
  const cfg = weixinConfigFromEnv();

  return signInLinked({
    provider: 'wechat',
    subject: async () => {
      const s = await code2Session(cfg, code);
      return { subject: s.openid, unionid: s.unionid };
    },
    callerToken: bearerToken(req),
    verifiedPhone: phone_code
      ? async () => {
        const p = await getPhoneNumber(cfg, phone_code);
        // Zhixiang accounts are mainland mobiles (SMS sign-in, guardians); others cannot be linked.
        if (p.countryCode !== '86' || !/^1[3-9]\d{9}$/.test(p.purePhoneNumber)) {
          throw new WechatApiError(400, 'wechat_phone_unsupported', '仅支持中国大陆手机号，请更换微信绑定的手机号后重试', 0, 'non-mainland phone');
        }
        return `86${p.purePhoneNumber}`;
      }
      : undefined,
  });
}
