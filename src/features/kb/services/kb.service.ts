// Knowledge-base calls (docs/api.md › Knowledge base). Reads go through RLS; every change is an RPC.
import { markupToDelta, type Delta } from '../lib/delta';
import { read, rpc } from './kb.transport';
import type { KbComment, KbNode, KbPage, KbRecent, KbSearchHit, KbVersion, SpaceKind } from './kb.types';

const NODE_COLUMNS = 'id, kind, title, space_kind, description, updated_at, sort_order';

export const spaces = (enterpriseId: string) =>
  read<KbNode>('kb_nodes', NODE_COLUMNS, {
    eq: { enterprise_id: enterpriseId, kind: 'space' }, isNull: ['deleted_at'], order: [['sort_order', true]],
  });

export const children = (enterpriseId: string, parentId: string) =>
  read<KbNode>('kb_nodes', NODE_COLUMNS, {
    eq: { enterprise_id: enterpriseId, parent_id: parentId }, isNull: ['deleted_at'], order: [['sort_order', true], ['title', true]],
  });

export const openPage = (nodeId: string) => rpc<KbPage>('kb_open_page', { p_node_id: nodeId });

export const search = (enterpriseId: string, query: string) =>
  rpc<KbSearchHit[]>('kb_search', { p_enterprise_id: enterpriseId, p_query: query, p_limit: 20 });

export const recent = (enterpriseId: string) => rpc<KbRecent[]>('kb_recent', { p_enterprise_id: enterpriseId, p_limit: 20 });

export const favorites = async (enterpriseId: string): Promise<KbNode[]> => {
  const rows = await read<{ kb_nodes: KbNode | null }>('kb_favorites', `created_at, kb_nodes(${NODE_COLUMNS})`, {
    eq: { enterprise_id: enterpriseId }, order: [['created_at', false]], limit: 50,
  });
  return rows.flatMap((r) => (r.kb_nodes ? [r.kb_nodes] : []));
};

export const versions = (nodeId: string) =>
  read<KbVersion>('kb_page_versions', 'id, version_no, title, author_id, created_at, restored_from', {
    eq: { node_id: nodeId }, order: [['version_no', false]], limit: 100,
  });

export const comments = (nodeId: string) =>
  read<KbComment>('kb_comments', 'id, author_id, body, created_at', { eq: { node_id: nodeId }, order: [['created_at', true]], limit: 200 });

export const createSpace = (enterpriseId: string, kind: SpaceKind, title: string) =>
  rpc<string>('kb_create_space', { p_enterprise_id: enterpriseId, p_kind: kind, p_title: title });

export const createNode = (parentId: string, kind: 'folder' | 'page', title: string) =>
  rpc<string>('kb_create_node', { p_parent_id: parentId, p_kind: kind, p_title: title });

export const savePage = (nodeId: string, delta: Delta, title: string, baseVersion: number) =>
  rpc<number>('kb_save_page', { p_node_id: nodeId, p_delta: delta, p_title: title, p_base_version: baseVersion });

/** The simple editor's text (headings `# `, lists `- ` / `1. `, quotes `> `) saved as a Delta. */
export const saveMarkup = (nodeId: string, markup: string, title: string, baseVersion: number) =>
  savePage(nodeId, markupToDelta(markup), title, baseVersion);

export const restoreVersion = (versionId: string) => rpc<number>('kb_restore_version', { p_version_id: versionId });
export const trashNode = (nodeId: string) => rpc<null>('kb_trash_node', { p_node_id: nodeId });
export const setLike = (nodeId: string, on: boolean) => rpc<null>('kb_set_like', { p_node_id: nodeId, p_on: on });
export const setFavorite = (nodeId: string, on: boolean) => rpc<null>('kb_set_favorite', { p_node_id: nodeId, p_on: on });
export const addComment = (nodeId: string, body: string) => rpc<string>('kb_add_comment', { p_node_id: nodeId, p_body: body });

export const kbService = {
  spaces, children, openPage, search, recent, favorites, versions, comments,
  createSpace, createNode, savePage, saveMarkup, restoreVersion, trashNode, setLike, setFavorite, addComment,
};
export type KbService = typeof kbService;
