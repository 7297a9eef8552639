// The editors' toolbar, one list for both: what each button applies, given the formats of the
// current selection (Quill's getFormat / the mini-program editor's statuschange detail).
import { safeMedia, type Delta, type DeltaOp } from './delta';

export type FormatName = 'header' | 'bold' | 'italic' | 'underline' | 'strike' | 'list' | 'blockquote' | 'code-block' | 'link';
export interface FormatTool {
  id: string;
  label: string;
  /** accessible name */
  title: string;
  name: FormatName;
  value: string | number | boolean;
  /** the mini-program editor can't apply it (no such format there) */
  h5Only?: boolean;
}

export const FORMAT_TOOLS: FormatTool[] = [
  { id: 'h1', label: 'H1', title: '一级标题', name: 'header', value: 1 },
  { id: 'h2', label: 'H2', title: '二级标题', name: 'header', value: 2 },
  { id: 'h3', label: 'H3', title: '三级标题', name: 'header', value: 3 },
  { id: 'bold', label: 'B', title: '加粗', name: 'bold', value: true },
  { id: 'italic', label: 'I', title: '斜体', name: 'italic', value: true },
  { id: 'underline', label: 'U', title: '下划线', name: 'underline', value: true },
  { id: 'strike', label: 'S', title: '删除线', name: 'strike', value: true },
  { id: 'ordered', label: '1.', title: '编号列表', name: 'list', value: 'ordered' },
  { id: 'bullet', label: '•', title: '项目列表', name: 'list', value: 'bullet' },
  { id: 'blockquote', label: '❝', title: '引用', name: 'blockquote', value: true, h5Only: true },
  { id: 'code', label: '</>', title: '代码块', name: 'code-block', value: true, h5Only: true },
];

export type Formats = Record<string, unknown>;

/** Is the tool's format on for the selection? */
export const isActive = (tool: FormatTool, formats: Formats) => formats[tool.name] === tool.value;

/** The value to apply for a tap: the tool's value, or off (false) when it is already on. */
export const nextValue = (tool: FormatTool, formats: Formats): string | number | boolean => (isActive(tool, formats) ? false : tool.value);

/**
 * Images are shown in an editor by a loadable (signed) URL but stored as their storage reference:
 * `display` swaps stored references for URLs when content goes in, `stored` swaps them back when
 * it comes out. A URL the map doesn't know stays as it is (an https image, or a reference whose
 * link could not be made).
 */
export class MediaMap {
  private toRef = new Map<string, string>();
  private toUrl = new Map<string, string>();

  add(ref: string, url: string) {
    this.toRef.set(url, ref);
    this.toUrl.set(ref, url);
  }

  private swap(delta: Delta, table: Map<string, string>): Delta {
    const ops = (delta?.ops ?? []).map((op): DeltaOp => {
      if (!op || typeof op.insert !== 'object' || !op.insert) return op;
      const key = op.insert.image !== undefined ? 'image' : op.insert.video !== undefined ? 'video' : null;
      const src = key ? op.insert[key] : undefined;
      if (!key || typeof src !== 'string' || !table.has(src)) return op;
      return { ...op, insert: { [key]: table.get(src)! } };
    });
    return { ops };
  }

  display(delta: Delta): Delta {
    return this.swap(delta, this.toUrl);
  }

  stored(delta: Delta): Delta {
    return this.swap(delta, this.toRef);
  }
}

/** Signs every stored reference of a Delta (in parallel) into the map; failures stay unsigned. */
export async function signMedia(delta: Delta, map: MediaMap, resolve?: (ref: string) => Promise<string | undefined>): Promise<void> {
  if (!resolve) return;
  const refs = new Set<string>();
  for (const op of delta?.ops ?? []) {
    const insert = op?.insert;
    if (insert && typeof insert === 'object') {
      const src = safeMedia(insert.image ?? insert.video);
      if (src && !src.startsWith('https://')) refs.add(src);
    }
  }
  await Promise.all([...refs].map(async (ref) => {
    const url = await resolve(ref).catch(() => undefined);
    if (url) map.add(ref, url);
  }));
}

/**
 * What the stored page keeps of an editor's Delta: text and embeds with the attributes the
 * renderers read (the mini-program editor adds sizes, ids and styles the viewer ignores).
 */
const KEPT = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'link', 'header', 'list', 'indent', 'blockquote', 'code-block', 'table', 'alt']);
export function cleanDelta(delta: Delta): Delta {
  const ops: DeltaOp[] = [];
  for (const op of delta?.ops ?? []) {
    if (!op || (typeof op.insert !== 'string' && (typeof op.insert !== 'object' || !op.insert))) continue;
    const insert = typeof op.insert === 'string' ? op.insert
      : op.insert.image !== undefined ? { image: String(op.insert.image) } : op.insert.video !== undefined ? { video: String(op.insert.video) } : null;
    if (insert === null) continue;
    const attrs = Object.fromEntries(Object.entries(op.attributes ?? {}).filter(([k, v]) => KEPT.has(k) && v !== null && v !== false));
    ops.push(Object.keys(attrs).length ? { insert, attributes: attrs } : { insert });
  }
  return { ops };
}
