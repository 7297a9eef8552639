// Quill 2 with the snow theme: loaded only when an H5 editor opens (a separate chunk, see
// rich-editor.tsx), never part of a mini-program build (rich-editor.weapp.tsx).
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { FORMAT_TOOLS } from './toolbar';

export interface QuillHandlers {
  image(): void;
  table(): void;
}

/** The toolbar: the shared tools as Quill buttons (headings as three buttons), image and table. */
function toolbarContainer(): unknown[][] {
  const groups: unknown[][] = [[], [], [], []];
  for (const tool of FORMAT_TOOLS) {
    const entry = tool.name === 'header' || tool.name === 'list' ? { [tool.name]: tool.value } : tool.name;
    const group = tool.name === 'header' ? 0 : tool.name === 'list' ? 2 : ['blockquote', 'code-block'].includes(tool.name) ? 3 : 1;
    groups[group].push(entry);
  }
  return [...groups, ['link', 'image', 'table']];
}

export function createQuill(host: HTMLElement, placeholder: string, handlers: QuillHandlers): Quill {
  return new Quill(host, {
    theme: 'snow',
    placeholder,
    modules: {
      table: true,
      toolbar: { container: toolbarContainer(), handlers: { image: handlers.image, table: handlers.table } },
    },
  });
}

/** Accessible names (and test ids) for Quill's icon buttons. */
export function labelToolbar(toolbar: HTMLElement, testId: string): void {
  const named: Array<[string, string, string]> = FORMAT_TOOLS.map((t) => {
    const sel = t.name === 'header' || t.name === 'list' ? `.ql-${t.name}[value="${String(t.value)}"]` : `.ql-${t.name}`;
    return [sel, t.title, t.id];
  });
  named.push(['.ql-link', '链接', 'link'], ['.ql-image', '插入图片', 'image'], ['.ql-table', '插入表格', 'table']);
  for (const [sel, title, id] of named) {
    const button = toolbar.querySelector(sel);
    if (!button) continue;
    button.setAttribute('aria-label', title);
    button.setAttribute('title', title);
    button.setAttribute('data-testid', `${testId}-tool-${id}`);
  }
  const table = toolbar.querySelector('.ql-table');
  if (table && !table.textContent) table.textContent = '表';
}

export type { Quill };
