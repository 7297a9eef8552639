// The mini-program's native <editor> in the simulator, which has no editing surface: the test fires
// what WeChat would — `ready` once the editor is laid out, then `input` with the content as
// `{html, text, delta}` after the person typed.
import type { PageDriver, ViewNode } from './page-driver';

type Delta = { ops: Array<{ insert: string | { image: string }; attributes?: Record<string, unknown> }> };

/** The page's editor once rendered, after its `ready` (the page then asks for its context). */
export async function readyEditor(page: PageDriver): Promise<ViewNode> {
  const node = await page.waitFor(() => page.nodes().find((n) => n.tag === 'editor'), 'the editor');
  await page.fire(node, 'ready', {});
  return node;
}

/** The person's text as the editor reports it: plain text, or a Delta with formatting. */
export async function typeInEditor(page: PageDriver, node: ViewNode, content: string | Delta): Promise<void> {
  const delta = typeof content === 'string' ? { ops: [{ insert: `${content}\n` }] } : content;
  const text = delta.ops.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  await page.fire(node, 'input', { html: '', text, delta });
}
