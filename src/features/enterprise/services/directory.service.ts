import { asShape } from '../../../lib/data';
import { db } from './enterprise.db';
import type { DepartmentNode, DirectoryEntry, MemberCard } from './enterprise.types';

// 通讯录 and departments. The directory function applies the enterprise's visibility settings
// (scope, hidden fields) on the server; the app shows what comes back.

export const departmentTree = (enterpriseId: string) => db.call('department_tree', { p_enterprise_id: enterpriseId }).then(asShape<DepartmentNode[]>());

export interface DirectoryQuery {
  query?: string;
  departmentId?: string | null;
  limit?: number;
  offset?: number;
}

export const directory = (enterpriseId: string, q: DirectoryQuery = {}) =>
  db.call('directory', {
    p_enterprise_id: enterpriseId,
    p_query: q.query ?? '',
    p_department_id: q.departmentId ?? null,
    p_limit: q.limit ?? 50,
    p_offset: q.offset ?? 0,
  }).then(asShape<DirectoryEntry[]>());

export const createDepartment = (enterpriseId: string, parentId: string | null, name: string) =>
  db.call('create_department', { p_enterprise_id: enterpriseId, p_parent_id: parentId, p_name: name });

export const renameDepartment = (departmentId: string, name: string) => db.run('rename_department', { p_department_id: departmentId, p_name: name });

export const moveDepartment = (departmentId: string, newParentId: string | null) =>
  db.run('move_department', { p_department_id: departmentId, p_new_parent_id: newParentId });

export const deleteDepartment = (departmentId: string) => db.run('delete_department', { p_department_id: departmentId });

export const setDepartmentHead = (departmentId: string, userId: string | null) =>
  db.run('set_department_head', { p_department_id: departmentId, p_user_id: userId });

export const updateMemberProfile = (enterpriseId: string, userId: string, fields: Record<string, string>) =>
  db.run('update_member_profile', { p_enterprise_id: enterpriseId, p_user_id: userId, p_fields: fields });

/**
 * A member's card in an enterprise. RLS decides whose: a member reads their own enterprise_members
 * row, an admin every row of the enterprise; anything else reads as no row.
 */
export async function memberCard(enterpriseId: string, userId: string, own = true): Promise<MemberCard> {
  const rows = await db.read((c) => c.from('enterprise_members').select('display_name, title, email, employee_no').eq('enterprise_id', enterpriseId).eq('user_id', userId).limit(1));
  if (rows[0]) return rows[0];
  throw db.error(own ? 'not_enterprise_member' : 'member_not_found');
}

export const directoryService = {
  departmentTree,
  directory,
  createDepartment,
  renameDepartment,
  moveDepartment,
  deleteDepartment,
  setDepartmentHead,
  updateMemberProfile,
  memberCard,
};
export type DirectoryService = typeof directoryService;
