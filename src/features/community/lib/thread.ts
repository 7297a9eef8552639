// Comments as the post page shows them: top-level comments in order, each with its replies
// (one level, in order, however deep the chain of parents), and the quoted comment's excerpt.

export interface CommentRow {
  id: string;
  parent_id: string | null;
  quote_id: string | null;
  author_id?: string | null;
  author_name: string;
  body_text: string;
  created_at: string;
}

export interface ThreadItem extends CommentRow {
  quote: { author_name: string; body_text: string } | null;
  replies: ThreadItem[];
}

export function buildThread(rows: CommentRow[]): ThreadItem[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootOf = (r: CommentRow): string => {
    let cur = r;
    const seen = new Set<string>();
    while (cur.parent_id && byId.has(cur.parent_id) && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.parent_id)!;
    }
    return cur.id;
  };
  const items = new Map<string, ThreadItem>();
  const sorted = [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const r of sorted) {
    const q = r.quote_id ? byId.get(r.quote_id) : undefined;
    items.set(r.id, { ...r, quote: q ? { author_name: q.author_name, body_text: q.body_text } : null, replies: [] });
  }
  const top: ThreadItem[] = [];
  for (const r of sorted) {
    const root = rootOf(r);
    if (root === r.id) top.push(items.get(r.id)!);
    else items.get(root)!.replies.push(items.get(r.id)!);
  }
  return top;
}
