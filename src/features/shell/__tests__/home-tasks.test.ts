import { needsMeItems } from '../components/needs-me';
import { visibleEntries, type HomeEntry } from '../home-entries';

const noop = { agreements: () => undefined, joinRequests: () => undefined, notices: () => undefined };

describe('待我处理', () => {
  it('lists pending agreements, then join requests, then unread notices', () => {
    const items = needsMeItems({ pendingAgreements: 2, joinRequests: 3, unread: 4 }, noop);
    expect(items.map((item) => item.title)).toEqual(['2 份协议待确认', '3 条加入申请待审批', '4 条未读通知']);
  });

  it('is empty when nothing waits, and without a notification center shows no notice row', () => {
    expect(needsMeItems({ pendingAgreements: 0, joinRequests: 0, unread: null }, noop)).toEqual([]);
  });

  it('caps a long join-request queue at 99+', () => {
    expect(needsMeItems({ pendingAgreements: 0, joinRequests: 100, unread: 0 }, noop)[0]?.title).toBe('99+ 条加入申请待审批');
  });

  it('opens the page each row names', () => {
    const opened: string[] = [];
    const open = { agreements: () => opened.push('agreements'), joinRequests: () => opened.push('requests'), notices: () => opened.push('notices') };
    needsMeItems({ pendingAgreements: 1, joinRequests: 1, unread: 1 }, open).forEach((item) => item.onOpen());
    expect(opened).toEqual(['agreements', 'requests', 'notices']);
  });
});

describe('module entries on home', () => {
  const entries: HomeEntry[] = [
    { key: 'open', title: '名片', description: '', feature: null, url: (id) => `/card?id=${id}` },
    { key: 'kb', title: '知识库', description: '', feature: 'knowledge_base', url: (id) => `/kb?id=${id}` },
    { key: 'training', title: '学习', description: '', feature: 'training', url: (id) => `/training?id=${id}` },
  ];

  it("shows only what the enterprise's edition includes", () => {
    expect(visibleEntries(['knowledge_base'], entries).map((e) => e.key)).toEqual(['open', 'kb']);
  });

  it('before the features load, shows only the entries every edition has', () => {
    expect(visibleEntries(null, entries).map((e) => e.key)).toEqual(['open']);
  });
});
