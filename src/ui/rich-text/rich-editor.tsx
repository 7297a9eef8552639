// H5: Quill 2, fetched when the first editor opens (dynamic import: a separate chunk, so no page
// that only reads pays for it). The weapp and qywx builds take rich-editor.weapp.tsx instead.
import { useEffect, useRef, useState } from 'react';
import { cleanDelta, MediaMap, signMedia } from './toolbar';
import type { Delta } from './delta';
import type { RichEditorProps } from './rich-editor.types';
import './rich-text.css';

type QuillModule = typeof import('./quill-setup');
let loading: Promise<QuillModule> | null = null;
const loadQuill = () => (loading ??= import(/* webpackChunkName: "quill" */ './quill-setup'));

export function RichEditor({ initial, onChange, uploadImage, resolveMedia, onError, placeholder = '开始输入正文…', testId = 'rich-editor' }: RichEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  // the latest callbacks, without re-creating Quill when the parent re-renders
  const props = useRef({ onChange, uploadImage, resolveMedia, onError });
  props.current = { onChange, uploadImage, resolveMedia, onError };

  useEffect(() => {
    let live = true;
    const media = new MediaMap();
    void (async () => {
      try {
        const [{ createQuill, labelToolbar }] = await Promise.all([loadQuill(), signMedia(initial, media, props.current.resolveMedia)]);
        const el = host.current;
        if (!live || !el) return;
        el.innerHTML = '';
        const mount = document.createElement('div');
        el.appendChild(mount);
        const quill = createQuill(mount, placeholder, {
          image: () => void (async () => {
            const upload = props.current.uploadImage;
            if (!upload) return;
            try {
              const ref = await upload();
              if (!ref) return;
              const url = (await props.current.resolveMedia?.(ref)) ?? ref;
              media.add(ref, url);
              const at = quill.getSelection(true)?.index ?? quill.getLength();
              quill.insertEmbed(at, 'image', url, 'user');
              quill.setSelection(at + 1, 0, 'silent');
            } catch (e) {
              props.current.onError?.(e instanceof Error ? e.message : String(e));
            }
          })(),
          table: () => (quill.getModule('table') as { insertTable(rows: number, cols: number): void }).insertTable(3, 3),
        });
        const toolbar = el.querySelector('.ql-toolbar');
        if (toolbar instanceof HTMLElement) labelToolbar(toolbar, testId);
        const editable = el.querySelector('.ql-editor');
        editable?.setAttribute('data-testid', `${testId}-body`);
        editable?.setAttribute('aria-label', placeholder);
        quill.setContents(media.display(initial) as never, 'silent');
        quill.on('text-change', () => props.current.onChange(cleanDelta(media.stored(quill.getContents() as unknown as Delta))));
        setState('ready');
      } catch {
        if (live) setState('failed');
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one Quill per mount; `key` replaces the content
  }, []);

  return (
    <div className='rt-editor' data-testid={testId} data-state={state}>
      {state === 'loading' ? <div className='rt-editor--loading'>编辑器加载中…</div> : null}
      {state === 'failed' ? <div className='rt-editor--loading' role='alert'>编辑器加载失败，请检查网络后重新打开</div> : null}
      <div ref={host} />
    </div>
  );
}
