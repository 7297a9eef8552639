// Shared arrangement for the knowledge-base suites: one enterprise with a department tree, people
// in every grant situation, and a space with a public and a restricted folder, built through the
// kb RPCs as the people themselves (enterprises and memberships arranged in SQL).
import { callApi, sql, type SignedInUser } from '../support/clients';
import { addDepartment, createEnterprise, newMember } from './support-tenancy/fixture';

export const rpc = (user: SignedInUser | undefined, name: string, body: Record<string, unknown>) =>
  callApi(`/rest/v1/rpc/${name}`, { token: user?.token, body });

export const rest = (user: SignedInUser, path: string) => callApi(`/rest/v1/${path}`, { method: 'GET', token: user.token });

/** A Quill Delta of plain paragraphs. */
export const delta = (...lines: string[]) => ({ ops: lines.map((l) => ({ insert: `${l}\n` })) });

export async function ok<T = unknown>(p: Promise<{ status: number; body: unknown }>): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`expected 2xx, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export type Who = 'admin' | 'contentManager' | 'direct' | 'dept' | 'subDept' | 'editor' | 'everyoneOnly' | 'otherEnterprise' | 'removed';

export interface KbWorld {
  ent: string;
  other: string;
  people: Record<Who, SignedInUser>;
  depts: { hq: string; rd: string; fe: string; market: string };
  space: string;
  publicFolder: string;
  publicPage: string;
  secretFolder: string;
  secretPage: string;
}

/** Everyone but these may read the restricted folder. */
export const REFUSED_SECRET: Who[] = ['everyoneOnly', 'otherEnterprise', 'removed'];
export const ALL_WHO: Who[] = ['admin', 'contentManager', 'direct', 'dept', 'subDept', 'editor', 'everyoneOnly', 'otherEnterprise', 'removed'];

export async function buildKbWorld(): Promise<KbWorld> {
  const ent = await createEnterprise({ edition: 'professional' });
  const other = await createEnterprise({ edition: 'professional' });
  const hq = await addDepartment(ent, '总部');
  const rd = await addDepartment(ent, '研发中心', hq);
  const fe = await addDepartment(ent, '前端组', rd);
  const market = await addDepartment(ent, '市场部', hq);
  const people = {
    admin: await newMember(ent, { role: 'admin', displayName: '管理员', departmentId: hq }),
    contentManager: await newMember(ent, { displayName: '内容管理员', departmentId: market }),
    direct: await newMember(ent, { displayName: '直授成员', departmentId: market }),
    dept: await newMember(ent, { displayName: '研发成员', departmentId: rd }),
    subDept: await newMember(ent, { displayName: '前端成员', departmentId: fe }),
    editor: await newMember(ent, { displayName: '编辑者', departmentId: market }),
    everyoneOnly: await newMember(ent, { displayName: '市场成员', departmentId: market }),
    otherEnterprise: await newMember(other, { role: 'admin', displayName: '外企管理员' }),
    removed: await newMember(ent, { displayName: '离职成员', departmentId: rd }),
  } satisfies Record<Who, SignedInUser>;
  await sql(`update public.enterprise_members set scopes = '{content}' where enterprise_id = $1 and user_id = $2`, [ent, people.contentManager.userId]);

  const { admin } = people;
  const space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '员工手册' }));
  const publicFolder = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'folder', p_title: '公司制度' }));
  const publicPage = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: publicFolder, p_kind: 'page', p_title: '考勤制度' }));
  await ok(rpc(admin, 'kb_save_page', { p_node_id: publicPage, p_delta: delta('上班时间为早九点至晚六点。', '迟到三次扣除全勤奖。') }));
  const secretFolder = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'folder', p_title: '薪酬机密' }));
  const secretPage = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: secretFolder, p_kind: 'page', p_title: '年终奖方案' }));
  await ok(rpc(admin, 'kb_save_page', { p_node_id: secretPage, p_delta: delta('年终奖金按绩效系数发放，系数上限为三倍。') }));
  await ok(rpc(admin, 'kb_set_grants', {
    p_node_id: secretFolder,
    p_grants: [
      { role: 'viewer', kind: 'member', id: people.direct.userId },
      { role: 'viewer', kind: 'department', id: rd },
      { role: 'editor', kind: 'member', id: people.editor.userId },
      { role: 'viewer', kind: 'member', id: people.removed.userId },
    ],
  }));
  await ok(rpc(admin, 'kb_add_comment', { p_node_id: secretPage, p_body: '奖金系数什么时候公布？' }));
  // the removed member had rights, then left the enterprise
  await sql('delete from public.enterprise_members where enterprise_id = $1 and user_id = $2', [ent, people.removed.userId]);
  return { ent, other, people, depts: { hq, rd, fe, market }, space, publicFolder, publicPage, secretFolder, secretPage };
}
