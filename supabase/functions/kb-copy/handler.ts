// Copying a knowledge-base page or folder (issue 14) so the copy stands on its own: kb_copy_node
// (called with the caller's own token, so every rule of the database applies) copies the nodes and
// points each copied page's images and videos into the copy's own folder; this function then copies
// those objects there through Storage, again as the caller, so Storage RLS decides each one (read
// the original's object, write into the copy's folder) and the enterprise's quota counts them.
// A reader of the copy who may not read the original then still sees its images, and deleting the
// original leaves the copy whole. An object that could not be copied is counted in `missing`.
// A new page made from a saved template (`template_id`) goes the same way: kb_create_from_template
// points its images into the new page's folder and they are copied from the template's source page.
import { failFromDb, json } from '../_shared/http.ts';
import { acceptGated } from '../_shared/request.ts';
import { rpc } from '../_shared/rest.ts';
import { CopyRequest } from './schema.ts';

interface Copied {
  id: string;
  media: { from: string; to: string }[];
}

/** Storage's server-side copy inside bucket `kb`, with the caller's rights. */
async function copyObject(token: string, from: string, to: string): Promise<boolean> {
  const res = await fetch(`${Deno.env.get('SUPABASE_URL')}/storage/v1/object/copy`, {
    method: 'POST',
    headers: { apikey: Deno.env.get('SUPABASE_ANON_KEY') ?? '', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ bucketId: 'kb', sourceKey: from, destinationKey: to }),
  });
  await res.body?.cancel();
  return res.ok;
}

export async function handler(req: Request): Promise<Response> {
  const g = await acceptGated(req, CopyRequest);
  if (!g.ok) return g.response;
  const b = g.body;
  const copied = 'template_id' in b
    ? await rpc<Copied>('kb_create_from_template', { p_parent_id: b.parent_id, p_template_id: b.template_id, p_title: b.title }, g.caller.token)
    : await rpc<Copied>('kb_copy_node', { p_node_id: b.node_id, p_new_parent_id: b.parent_id ?? null }, g.caller.token);
  if (copied.error) return failFromDb(copied.error);
  let missing = 0;
  // one at a time: a copy holds the enterprise's quota lock while Storage writes its row
  for (const m of copied.data.media) {
    if (!(await copyObject(g.caller.token, m.from, m.to))) missing++;
  }
  return json({ id: copied.data.id, media: copied.data.media.length - missing, missing });
}
