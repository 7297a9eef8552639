import { targetUrl } from '../services/notification-target';

const notice = (target: { kind: string; id: string | null } | null, data: Record<string, unknown> = {}) => ({ target, data });

describe('targetUrl: a notice opens its object', () => {
  it('maps the registered target kinds to pages of the route table', () => {
    expect(targetUrl(notice({ kind: 'agreement', id: 'doc1' }))).toBe('/packages/account/agreements/index');
    expect(targetUrl(notice({ kind: 'join_request', id: 'req1' }, { enterprise_id: 'e1' }))).toBe('/packages/admin/index?id=e1&tab=requests');
    expect(targetUrl(notice({ kind: 'qualification', id: 'e2' }))).toBe('/packages/admin/index?id=e2&tab=qualification');
    expect(targetUrl(notice({ kind: 'enterprise', id: 'e3' }))).toBe('/packages/enterprise/mine/index');
    expect(targetUrl(notice({ kind: 'community_post', id: 'p1' }))).toBe('/packages/community/post/index?id=p1');
  });

  it('has nothing to open for no target, an unknown kind or a join request without its enterprise', () => {
    expect(targetUrl(notice(null))).toBeNull();
    expect(targetUrl(notice({ kind: 'spaceship', id: 'x' }))).toBeNull();
    expect(targetUrl(notice({ kind: 'join_request', id: 'req1' }))).toBeNull();
  });
});
