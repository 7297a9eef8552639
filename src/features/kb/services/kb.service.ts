// Knowledge-base calls (docs/api.md › Knowledge base) on the shared data layer. Reads go through
// RLS; every change is an RPC.
import { asShape, bindDataLayer } from '../../../lib/data';
import type { Delta } from '../../../ui/rich-text';
import { KB_MESSAGES } from '../kb.messages';
import type { KbAccess, KbComment, KbTemplate, KbGrant, KbGrantees, KbNode, KbPage, KbPendingReview, KbRecent, KbSaveResult, KbSearchHit, KbStalePage, KbVersion, SpaceKind } from './kb.types';

const db = bindDataLayer(KB_MESSAGES);
const NODE_COLUMNS = 'id, kind, title, space_kind, description, updated_at, sort_order';

export const spaces = (enterpriseId: string) =>
  db.read((c) => c.from('kb_nodes').select(NODE_COLUMNS).eq('enterprise_id', enterpriseId).eq('kind', 'space').is('deleted_at', null)
    .order('sort_order').overrideTypes<KbNode[], { merge: false }>());

export const children = (enterpriseId: string, parentId: string) =>
  db.read((c) => c.from('kb_nodes').select(NODE_COLUMNS).eq('enterprise_id', enterpriseId).eq('parent_id', parentId).is('deleted_at', null)
    .order('sort_order').order('title').overrideTypes<KbNode[], { merge: false }>());

/** kb_open_page returns json: its documented shape is KbPage. Records the read. */
export const openPage = (nodeId: string) => db.call('kb_open_page', { p_node_id: nodeId }).then(asShape<KbPage>());

export const search = (enterpriseId: string, query: string) =>
  db.call('kb_search', { p_enterprise_id: enterpriseId, p_query: query, p_limit: 20 }).then(asShape<KbSearchHit[]>());

export const recent = (enterpriseId: string) => db.call('kb_recent', { p_enterprise_id: enterpriseId, p_limit: 20 }).then(asShape<KbRecent[]>());

/** 待审核 (governance): saves the caller may decide. */
export const pendingReviews = (enterpriseId: string) =>
  db.call('kb_pending_reviews', { p_enterprise_id: enterpriseId }).then(asShape<KbPendingReview[]>());

/** 待复查 (governance): the caller's own pages past their review date. */
export const stalePages = (enterpriseId: string) => db.call('kb_stale_pages', { p_enterprise_id: enterpriseId }).then(asShape<KbStalePage[]>());

export const favorites = async (enterpriseId: string): Promise<KbNode[]> => {
  const rows = await db.read((c) => c.from('kb_marks').select(`created_at, kb_nodes(${NODE_COLUMNS})`).eq('enterprise_id', enterpriseId).eq('kind', 'favorite')
    .order('created_at', { ascending: false }).limit(50).overrideTypes<Array<{ kb_nodes: KbNode | null }>, { merge: false }>());
  return rows.flatMap((r) => (r.kb_nodes ? [r.kb_nodes] : []));
};

export const versions = (nodeId: string) =>
  db.read((c) => c.from('kb_page_versions').select('id, version_no, title, author_id, created_at, restored_from').eq('node_id', nodeId)
    .order('version_no', { ascending: false }).limit(100).overrideTypes<KbVersion[], { merge: false }>());

export const comments = (nodeId: string) =>
  db.read((c) => c.from('kb_comments').select('id, author_id, body, created_at').eq('node_id', nodeId).order('created_at').limit(200)
    .overrideTypes<KbComment[], { merge: false }>());

export const createSpace = (enterpriseId: string, kind: SpaceKind, title: string) =>
  db.call('kb_create_space', { p_enterprise_id: enterpriseId, p_kind: kind, p_title: title });

export const createNode = (parentId: string, kind: 'folder' | 'page' | 'file', title: string) =>
  db.call('kb_create_node', { p_parent_id: parentId, p_kind: kind, p_title: title });

/**
 * Saves the page: published at once, or (a space with approval, an editor saving) kept for a manager's
 * review. Either way the answer says which; see savePage for the version only.
 */
export const submitPage = (nodeId: string, delta: Delta, title: string, baseVersion: number) =>
  db.call('kb_submit_page', { p_node_id: nodeId, p_delta: delta as never, p_title: title, p_base_version: baseVersion }).then(asShape<KbSaveResult>());

/** The published version after the save: unchanged when the save waits for review. */
export const savePage = (nodeId: string, delta: Delta, title: string, baseVersion: number) =>
  submitPage(nodeId, delta, title, baseVersion).then((r) => r.version_no);

export const restoreVersion = (versionId: string) => db.call('kb_restore_version', { p_version_id: versionId });
export const trashNode = (nodeId: string) => db.run('kb_trash_node', { p_node_id: nodeId });
export const setLike = (nodeId: string, on: boolean) => db.run('kb_set_mark', { p_node_id: nodeId, p_kind: 'like', p_on: on });
export const setFavorite = (nodeId: string, on: boolean) => db.run('kb_set_mark', { p_node_id: nodeId, p_kind: 'favorite', p_on: on });
export const addComment = (nodeId: string, body: string) => db.call('kb_add_comment', { p_node_id: nodeId, p_body: body });

/** Managers: the grants that decide who sees the node (its own, or those of the node it inherits from). */
export const nodeAccess = (nodeId: string) => db.call('kb_node_access', { p_node_id: nodeId }).then(asShape<KbAccess>());

/** Replaces the node's own grants (and stops inheriting there). */
export const setGrants = (nodeId: string, grants: KbGrant[]) =>
  db.run('kb_set_grants', { p_node_id: nodeId, p_grants: grants.map((g) => ({ role: g.role, kind: g.kind, id: g.id })) as never });

/** Drops the node's own grants: its rights come from above again. */
export const inheritGrants = (nodeId: string) => db.run('kb_inherit_grants', { p_node_id: nodeId });

/** Departments and the first 100 members a manager may grant to (the directory applies the enterprise's visibility). */
export async function grantees(enterpriseId: string): Promise<KbGrantees> {
  const [depts, people] = await Promise.all([
    db.call('department_tree', { p_enterprise_id: enterpriseId }).then(asShape<Array<{ id: string; name: string; depth: number }>>()),
    db.call('directory', { p_enterprise_id: enterpriseId, p_query: '', p_limit: 100, p_offset: 0 })
      .then(asShape<Array<{ user_id: string; display_name: string; department_name: string | null }>>()),
  ]);
  return {
    departments: depts.map((d) => ({ id: d.id, name: d.name, depth: d.depth })),
    members: people.map((m) => ({ id: m.user_id, name: m.display_name, department: m.department_name })),
  };
}

/** Managers of a space: its watermark over pages and previews. */
export const setWatermark = (spaceId: string, on: boolean) => db.run('kb_set_space_flag', { p_space_id: spaceId, p_flag: 'watermark', p_on: on });

/** Managers of a space: page text can't be selected or copied there. */
export const setCopyProtect = (spaceId: string, on: boolean) => db.run('kb_set_space_flag', { p_space_id: spaceId, p_flag: 'copy_protect', p_on: on });

/**
 * Copies a page or a folder subtree (content, not grants) beside it or into `parentId`, with its
 * pages' images copied into the copy (the kb-copy function); resolves with the copy's id.
 */
export const copyNode = (nodeId: string, parentId?: string) =>
  db.invoke<{ id: string; media: number; missing: number }>('kb-copy', parentId ? { node_id: nodeId, parent_id: parentId } : { node_id: nodeId })
    .then((r) => r.id);

/** The enterprise's own page templates (the built-in ones are in lib/templates.ts). */
export const templates = (enterpriseId: string) =>
  db.read((c) => c.from('kb_templates').select('id, title, delta, created_by, created_at').eq('enterprise_id', enterpriseId)
    .order('created_at', { ascending: false }).limit(100).overrideTypes<KbTemplate[], { merge: false }>());

/** Managers of a page: its current content becomes a template of the enterprise. */
export const saveTemplate = (nodeId: string, title: string) => db.call('kb_save_template', { p_node_id: nodeId, p_title: title });
export const deleteTemplate = (templateId: string) => db.run('kb_delete_template', { p_template_id: templateId });

/**
 * A new page, filled from a template when one is given (its first version). A saved template (it has
 * a `created_at`) goes through the kb-copy function, which gives the page its own copies of the
 * template's images; the built-in ones have none.
 */
export async function createPage(parentId: string, title: string, template?: KbTemplate): Promise<string> {
  if (template?.created_at) {
    const made = await db.invoke<{ id: string; media: number; missing: number }>('kb-copy', { template_id: template.id, parent_id: parentId, title });
    return made.id;
  }
  const id = await createNode(parentId, 'page', title);
  if (template?.delta.ops.length) await savePage(id, template.delta, title, 0);
  return id;
}

/** The plain text of two versions of a page, for comparing them. */
export const versionTexts = (nodeId: string, versionNos: number[]) =>
  db.read((c) => c.from('kb_page_versions').select('version_no, body_text').eq('node_id', nodeId).in('version_no', versionNos)
    .overrideTypes<Array<{ version_no: number; body_text: string }>, { merge: false }>());

export const kbService = {
  spaces, children, openPage, search, recent, favorites, versions, comments, pendingReviews, stalePages,
  createSpace, createNode, submitPage, savePage, restoreVersion, trashNode, setLike, setFavorite, addComment,
  nodeAccess, setGrants, inheritGrants, grantees, setWatermark,
  setCopyProtect, copyNode, templates, saveTemplate, deleteTemplate, createPage, versionTexts,
};
export type KbService = typeof kbService;
