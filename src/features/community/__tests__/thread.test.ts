import { buildThread, type CommentRow } from '../lib/thread';

const row = (id: string, at: string, parent: string | null = null, quote: string | null = null): CommentRow =>
  ({ id, parent_id: parent, quote_id: quote, author_name: `作者${id}`, body_text: `内容${id}`, created_at: at });

describe('comment threads', () => {
  it('puts replies (of replies too) under their top-level comment in time order, with the quoted excerpt', () => {
    const t = buildThread([
      row('c', '2026-12-01T10:03:00Z', 'b', 'b'),
      row('a', '2026-12-01T10:00:00Z'),
      row('b', '2026-12-01T10:01:00Z', 'a'),
      row('d', '2026-12-01T10:02:00Z'),
    ]);
    expect(t.map((x) => x.id)).toEqual(['a', 'd']);
    expect(t[0].replies.map((x) => x.id)).toEqual(['b', 'c']);
    expect(t[0].replies[1].quote).toEqual({ author_name: '作者b', body_text: '内容b' });
  });

  it('a reply whose parent is hidden (not in the list) stands on its own; a quote of a hidden comment shows nothing', () => {
    const t = buildThread([row('x', '2026-12-01T10:00:00Z', 'gone', 'gone')]);
    expect(t).toHaveLength(1);
    expect(t[0].quote).toBeNull();
  });
});
