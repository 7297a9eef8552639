// Drives a rendered page the way a user does: by what is on screen (text, placeholders), tapping
// and typing through the mini-program's own events, which Taro's `eh` handler turns into React
// events. Reads the exparser tree j-component renders (the view layer), not the app's state.

/** The parts of j-component's render wrapper this driver uses. */
export interface RenderedComponent {
  _exparserNode: ExparserNode;
  instance: Record<string, unknown>;
}

interface VirtualAttr {
  name: string;
  value: unknown;
}

export interface ExparserNode {
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
  textContent?: string;
  __virtual?: boolean;
  _vt?: { tagName?: string; attrs?: VirtualAttr[] };
}

export interface ViewNode {
  tag: string;
  attrs: Record<string, unknown>;
  text: string;
  node: ExparserNode;
}

function isElement(node: ExparserNode): boolean {
  return Array.isArray(node.childNodes);
}

/** Visible text under a node, crossing custom-component (Taro's `comp`) boundaries. */
function textOf(node: ExparserNode): string {
  if (!isElement(node)) return node.textContent ?? '';
  const inner = node.shadowRoot ? textOf(node.shadowRoot) : '';
  return inner + (node.childNodes ?? []).map(textOf).join('');
}

function collect(node: ExparserNode, out: ViewNode[]): void {
  if (!isElement(node)) return;
  if (!node.__virtual && node._vt?.tagName) {
    const attrs: Record<string, unknown> = {};
    for (const attr of node._vt.attrs ?? []) attrs[attr.name] = attr.value;
    out.push({ tag: node._vt.tagName, attrs, text: textOf(node).trim(), node });
  }
  if (node.shadowRoot) collect(node.shadowRoot, out);
  for (const child of node.childNodes ?? []) collect(child, out);
}

/** Fires a mini-program event on a view node so it bubbles through bound handlers (`bindtap="eh"`). */
export type DispatchEvent = (node: ExparserNode, name: string, detail: Record<string, unknown>) => void;

export class PageDriver {
  constructor(
    readonly rendered: RenderedComponent,
    private readonly dispatch: DispatchEvent,
    private readonly settle: () => Promise<void>,
  ) {}

  /** Every element of the view, depth first. */
  nodes(): ViewNode[] {
    const out: ViewNode[] = [];
    collect(this.rendered._exparserNode, out);
    return out;
  }

  /** All text on the page, as a user would read it. */
  text(): string {
    return textOf(this.rendered._exparserNode).replace(/\s+/g, ' ').trim();
  }

  /** The innermost element whose text is exactly `label` (what a finger lands on). */
  byText(label: string): ViewNode {
    const matches = this.nodes().filter((n) => n.text === label);
    if (!matches.length) throw new Error(`no element with text "${label}" on the page. Page text: ${this.text()}`);
    return matches[matches.length - 1];
  }

  /**
   * The element showing `label` inside the innermost element whose text includes `context`: a
   * button of one row of a list (the row named by what it shows, e.g. a person's name).
   */
  byTextWithin(context: string, label: string): ViewNode {
    return this.within(context, (d) => d.text === label, `"${label}"`);
  }

  /** The input or textarea inside the innermost element whose text includes `context` (a row's own field). */
  inputWithin(context: string): ViewNode {
    return this.within(context, (d) => d.tag === 'input' || d.tag === 'textarea', 'an input');
  }

  private within(context: string, match: (n: ViewNode) => boolean, what: string): ViewNode {
    const inside = (n: ViewNode) => {
      const inner: ViewNode[] = [];
      collect(n.node, inner);
      return inner.filter((d) => d !== inner[0] && match(d));
    };
    // Depth first: an element comes before what it contains, so the last match is the innermost.
    const rows = this.nodes().filter((n) => n.text.includes(context) && inside(n).length > 0);
    if (!rows.length) throw new Error(`no ${what} inside an element showing "${context}". Page text: ${this.text()}`);
    const found = inside(rows[rows.length - 1]);
    return found[found.length - 1];
  }

  /** The first input or textarea after the element showing `label` (a field without a placeholder, under its label). */
  inputAfter(label: string): ViewNode {
    const all = this.nodes();
    const at = all.findIndex((n) => n.text === label);
    const input = at < 0 ? undefined : all.slice(at).find((n) => n.tag === 'input' || n.tag === 'textarea');
    if (!input) throw new Error(`no input after "${label}". Page text: ${this.text()}`);
    return input;
  }

  /** The input showing `placeholder` (how a user tells the fields apart). */
  inputByPlaceholder(placeholder: string | RegExp): ViewNode {
    const matches = (value: unknown) =>
      typeof placeholder === 'string' ? value === placeholder : typeof value === 'string' && placeholder.test(value);
    const match = this.nodes().find((n) => (n.tag === 'input' || n.tag === 'textarea') && matches(n.attrs.placeholder));
    if (!match) {
      const seen = this.nodes()
        .filter((n) => n.tag === 'input' || n.tag === 'textarea')
        .map((n) => String(n.attrs.placeholder));
      throw new Error(`no input with placeholder ${String(placeholder)}; inputs: ${JSON.stringify(seen)}`);
    }
    return match;
  }

  /** Taps the element (or the element showing `label`, once it appears). */
  async tap(target: ViewNode | string): Promise<void> {
    const node = typeof target === 'string' ? await this.waitFor(() => this.byText(target), `"${target}"`) : target;
    this.dispatch(node.node, 'tap', { x: 0, y: 0 });
    await this.settle();
  }

  /** Fires a component event other than tap (e.g. `getphonenumber`, `change` of a picker) with `detail`. */
  async fire(target: ViewNode | string, name: string, detail: Record<string, unknown>): Promise<void> {
    const node = typeof target === 'string' ? await this.waitFor(() => this.byText(target), `"${target}"`) : target;
    this.dispatch(node.node, name, detail);
    await this.settle();
  }

  /** Types `value` into an input: WeChat fires `input` with the whole new value, then `blur`. */
  async type(target: ViewNode | string | RegExp, value: string): Promise<void> {
    const node =
      typeof target === 'string' || target instanceof RegExp
        ? await this.waitFor(() => this.inputByPlaceholder(target), `an input with placeholder ${String(target)}`)
        : target;
    this.dispatch(node.node, 'focus', { value: '', height: 0 });
    this.dispatch(node.node, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.settle();
    this.dispatch(node.node, 'blur', { value });
    await this.settle();
  }

  /** Waits until `check` passes (it may throw or return false meanwhile). */
  async waitFor<T>(check: () => T | false | undefined | null, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const result = check();
        if (result) return result;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}. Page text: ${this.text()}`);
      }
      await this.settle();
    }
  }
}
