// The publishing check (PRODUCT.md §5, LX 4.4): every post, edit and comment goes through here.
//  1. the caller passes the consent gate; the body is validated;
//  2. the text (title + plain text of the Delta, or the comment) is normalised and matched against
//     the platform's list and the enterprise's own list (fastscan): a hit is refused with the words;
//  3. for mini-program users with an openid, WeChat's msgSecCheck v2: "risky" is refused with the
//     reason, "review" publishes the item as held for a moderator; WeChat unreachable → held too;
//  4. the verdict is recorded for the caller and this exact text (service role), and the publish RPC
//     is called with the caller's own token, so every rule of the database (membership, sections,
//     restrictions) applies as if the app had called it; without a ticket that RPC refuses;
//  5. the post's new images (pending in community_post_images) go to WeChat's mediaCheckAsync with a
//     short-lived signed link; the verdicts arrive later at community-media-push. Without an openid
//     (H5, WeCom) or when WeChat can't be reached, an image waits for a moderator instead
//     (docs/api.md › Community › Images).
import { preflight } from '../_shared/cors.ts';
import { fail, failFromDb, json, readJson } from '../_shared/http.ts';
import { gate } from '../_shared/gate.ts';
import { rpc, selectRows, serviceKey } from '../_shared/rest.ts';
import { deltaText, extraText, WordMatcher } from '../_shared/community/word-check.ts';
import { WechatApiError } from '../_shared/wechat/errors.ts';
import { mediaCheckAsync, msgSecCheck, weixinConfigFromEnv } from '../_shared/wechat/weixin.ts';
import { PublishRequest } from './schema.ts';

/** WeChat's labels in words people understand. */
const LABELS: Record<number, string> = {
  10001: '广告', 20001: '时政', 20002: '色情', 20003: '辱骂', 20006: '违法犯罪', 20008: '欺诈', 20012: '低俗',
  20013: '版权', 21000: '其他违规',
};

// One matcher per enterprise, rebuilt when the database reports another list version.
const matchers = new Map<string, { version: string; matcher: WordMatcher }>();

async function matcherFor(enterpriseId: string): Promise<WordMatcher | null> {
  const known = matchers.get(enterpriseId);
  const res = await rpc<{ version: string; platform?: string[]; enterprise?: string[] }>(
    'community_word_list', { p_enterprise_id: enterpriseId, p_known_version: known?.version ?? null }, serviceKey());
  if (res.error) return null;
  if (known && res.data.version === known.version) return known.matcher;
  const matcher = new WordMatcher([...(res.data.platform ?? []), ...(res.data.enterprise ?? [])]);
  if (matchers.size > 500) matchers.clear();
  matchers.set(enterpriseId, { version: res.data.version, matcher });
  return matcher;
}

/** The enterprise of the section or post, as the caller sees it (RLS): null when they can't. */
async function enterpriseOf(body: PublishRequest, token: string): Promise<string | null> {
  const [table, id] = body.kind === 'post' ? ['community_sections', body.section_id] : ['community_posts', body.post_id];
  const rows = await selectRows<{ enterprise_id: string }>(table, { id: `eq.${id}`, select: 'enterprise_id' }, token);
  return rows.error ? null : rows.data[0]?.enterprise_id ?? null;
}

/** A one-hour link WeChat fetches the image with (service role: the bucket is private). */
async function signedImageUrl(path: string): Promise<string | null> {
  const base = `${Deno.env.get('SUPABASE_URL')}/storage/v1`;
  const res = await fetch(`${base}/object/sign/community/${path}`, {
    method: 'POST',
    headers: { apikey: serviceKey(), authorization: `Bearer ${serviceKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ expiresIn: 3600 }),
  });
  const body = await res.json().catch(() => ({})) as { signedURL?: string };
  return res.ok && typeof body.signedURL === 'string' ? `${base}${body.signedURL}` : null;
}

/** Starts the checks of the post's images that have none yet (see step 5 above). */
async function checkImages(postId: string, openid: string | null): Promise<void> {
  const pending = await selectRows<{ id: string; path: string }>('community_post_images',
    { post_id: `eq.${postId}`, status: 'eq.pending', trace_id: 'is.null', select: 'id,path' }, serviceKey());
  if (pending.error) return;
  for (const img of pending.data) {
    let traceId: string | null = null;
    let label = 'unchecked';
    if (openid) {
      const url = await signedImageUrl(img.path);
      try {
        if (url) traceId = (await mediaCheckAsync(weixinConfigFromEnv(), { openid, mediaUrl: url, scene: 3 })).traceId;
      } catch (e) {
        if (!(e instanceof WechatApiError)) throw e;
        console.error(`community-publish: mediaCheckAsync: ${e.message}`);
      }
      if (!traceId) label = 'wechat:unavailable';
    }
    await rpc('community_image_check', { p_image_id: img.id, p_trace_id: traceId, p_label: traceId ? null : label }, serviceKey());
  }
}

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== 'POST') return fail(405, 'method_not_allowed', '请求方式不支持');
  const g = await gate(req);
  if (!g.ok) return g.response;
  const parsed = PublishRequest.safeParse(await readJson(req));
  if (!parsed.success) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  const body = parsed.data;

  const enterpriseId = await enterpriseOf(body, g.caller.token);
  if (!enterpriseId) {
    return body.kind === 'post'
      ? fail(400, 'section_not_found', '版块不存在或已停用')
      : fail(400, 'post_not_found', '帖子不存在');
  }
  const title = body.kind === 'comment' ? '' : body.title.trim();
  const text = body.kind === 'comment' ? body.text.trim() : deltaText(body.body);
  // poll options and an event's place are published text too: checked with the body
  const extra = body.kind === 'post' ? extraText(body.type, body.extra) : '';

  const matcher = await matcherFor(enterpriseId);
  if (!matcher) return fail(502, 'database_unavailable', '服务暂时不可用，请稍后再试');
  const words = matcher.find(`${title}\n${text}\n${extra}`);
  if (words.length > 0) {
    return json({ code: 'content_blocked', message: `内容包含不允许发布的词语：${words.slice(0, 5).join('、')}，请修改后再发布`, words }, 422);
  }

  let verdict: 'pass' | 'review' = 'pass';
  let label = '';
  let openid: { data: string | null; error: unknown } = { data: null, error: null };
  if (body.channel === 'weapp') {
    openid = await rpc<string | null>('community_wechat_openid', { p_user_id: g.caller.userId }, serviceKey());
    if (!openid.error && openid.data) {
      try {
        const r = await msgSecCheck(weixinConfigFromEnv(), {
          openid: openid.data, content: [title, text, extra].filter(Boolean).join('\n'), scene: body.kind === 'comment' ? 2 : 3,
          title: title || undefined,
        });
        if (r.suggest === 'risky') {
          const reason = LABELS[r.label] ?? '违规';
          return json({ code: 'content_risky', message: `内容可能涉及${reason}信息，不能发布`, label: r.label }, 422);
        }
        if (r.suggest === 'review') [verdict, label] = ['review', `wechat:${r.label}`];
      } catch (e) {
        if (!(e instanceof WechatApiError)) throw e;
        console.error(`community-publish: ${e.message}`);
        // Unchecked content is never published blind: a moderator looks first.
        [verdict, label] = ['review', 'wechat:unavailable'];
      }
    }
  }

  const ticket = await rpc('community_check_record', {
    p_user_id: g.caller.userId, p_enterprise_id: enterpriseId, p_title: title,
    p_body: body.kind === 'comment' ? null : body.body, p_text: body.kind === 'comment' ? text : null,
    p_verdict: verdict, p_label: label,
    p_type: body.kind === 'post' ? body.type : null, p_extra: body.kind === 'post' ? body.extra : null,
  }, serviceKey());
  if (ticket.error) return failFromDb(ticket.error);

  const result = body.kind === 'post'
    ? await rpc('community_create_post', { p_section_id: body.section_id, p_title: title, p_body: body.body, p_images: body.images, p_mentions: body.mentions, p_type: body.type, p_extra: body.extra }, g.caller.token)
    : body.kind === 'edit'
    ? await rpc('community_edit_post', { p_post_id: body.post_id, p_title: title, p_body: body.body, p_images: body.images }, g.caller.token)
    : await rpc('community_add_comment', { p_post_id: body.post_id, p_body_text: text, p_parent_id: body.parent_id, p_quote_id: body.quote_id, p_mentions: body.mentions }, g.caller.token);
  if (result.error) return failFromDb(result.error);
  if (body.kind !== 'comment' && body.images.length > 0) {
    await checkImages((result.data as { id: string }).id, openid.error ? null : openid.data);
  }
  return json(result.data, body.kind === 'edit' ? 200 : 201);
}
