import { asShape } from '../../../lib/data';
import { db } from './enterprise.db';
import type { MemberSearch, MemberSearchPage } from './enterprise.types';

// The desk members table's query (H5 at desk width only): its own file, so the mini-program
// bundles, which never show the desk, do not carry it.

/** One page of the search, with the total (docs/api.md `admin_search_members`). */
export const searchMembers = (enterpriseId: string, search: MemberSearch) =>
  db.call('admin_search_members', {
    p_enterprise_id: enterpriseId,
    p_query: search.query ?? '',
    p_department_id: search.departmentId ?? null,
    p_role: search.role ?? null,
    p_status: search.status ?? null,
    p_offset: search.offset ?? 0,
    p_limit: search.limit ?? 20,
  }).then(asShape<MemberSearchPage>());
