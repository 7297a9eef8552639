// The mini-program code of an invitation (wxacode.getUnlimited with scene = the invitation code and
// page = the landing page), which colleagues scan with WeChat to land on the invitation inside the
// mini-program. POST { code } as a cleared user who may see that invitation: RLS decides, with the
// caller's own token (admins see their enterprise's invitations, members their own). Answers
// { image: 'data:image/png;base64,…', page, scene }. The app secret stays here, on the server.
import { fail, failFromDb, json } from '../_shared/http.ts';
import { acceptGated } from '../_shared/request.ts';
import { selectRows } from '../_shared/rest.ts';
import { ROUTES } from '../_shared/routes.ts';
import { WechatApiError } from '../_shared/wechat/errors.ts';
import { getUnlimitedWxacode, weixinConfigFromEnv } from '../_shared/wechat/weixin.ts';
import { WxacodeRequest } from './schema.ts';

/** The invitation's landing page, from the app's route table. */
export const JOIN_PAGE = ROUTES.join.path;

const ENV_VERSIONS = ['release', 'trial', 'develop'] as const;
type EnvVersion = (typeof ENV_VERSIONS)[number];

/** Which build the code opens: WECHAT_MINIPROGRAM_ENV (release by default; trial / develop for testers). */
function envVersion(): EnvVersion {
  const v = Deno.env.get('WECHAT_MINIPROGRAM_ENV') ?? 'release';
  return (ENV_VERSIONS as readonly string[]).includes(v) ? (v as EnvVersion) : 'release';
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function handler(req: Request): Promise<Response> {
  const g = await acceptGated(req, WxacodeRequest, { invalid: () => fail(400, 'invitation_code_invalid', '邀请码为 8 位字母或数字') });
  if (!g.ok) return g.response;
  const { code } = g.body;

  const rows = await selectRows<{ revoked_at: string | null; expires_at: string }>(
    'invitations',
    { code: `eq.${code}`, select: 'revoked_at,expires_at' },
    g.caller.token,
  );
  if (rows.error) return failFromDb(rows.error);
  const inv = rows.data[0];
  if (!inv) return fail(404, 'invitation_not_found', '找不到该邀请，或你无权分享它');
  if (inv.revoked_at) return fail(400, 'invitation_revoked', '该邀请已被撤销');
  if (Date.parse(inv.expires_at) <= Date.now()) return fail(400, 'invitation_expired', '该邀请已过期，请重新创建邀请');

  try {
    const image = await getUnlimitedWxacode(weixinConfigFromEnv(), { scene: code, page: JOIN_PAGE, envVersion: envVersion() });
    return json({ image: `data:${image.contentType};base64,${base64(image.bytes)}`, page: JOIN_PAGE, scene: code });
  } catch (e) {
    if (e instanceof WechatApiError) {
      console.error(`invitation-wxacode: ${e.message}`);
      return fail(e.status, e.code, e.userMessage);
    }
    throw e;
  }
}
