import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Quill from 'quill';
import { PageEditor } from '../components/page-editor';
import { AppError } from '../../../lib/errors/app-error';
import type { KbPage } from '../services/kb.types';

const page = (over: Partial<KbPage> = {}): KbPage => ({
  id: 'p1', kind: 'page', title: '入职指南', enterprise_id: 'e1', space_id: 's1', parent_id: 'f1',
  delta: { ops: [{ insert: '第一天' }, { insert: '\n', attributes: { header: 1 } }, { insert: '领取工牌' }, { insert: '\n', attributes: { list: 'bullet' } }] },
  version_no: 3, updated_at: '2026-12-01T00:00:00Z', updated_by_name: '张伟', file_path: null, file_mime: '', file_size: 0,
  role: 'editor', comments_enabled: true, reads: 1, likes: 0, favorites: 0, comments: 0, liked: false, favorited: false, ...over,
} as KbPage);

// jsdom has no layout: Quill scrolls the selection into view when it takes the focus.
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const noFiles = { chooseKbFile: jest.fn(), uploadPageImage: jest.fn(), kbMediaUrl: jest.fn(async (ref: string) => `http://storage.test/sign/${ref}`) };

/** The Quill instance behind the editor once it has loaded (the H5 editor is fetched lazily). */
async function quillOf(): Promise<Quill> {
  await waitFor(() => expect(screen.getByTestId('kb-editor').getAttribute('data-state')).toBe('ready'));
  const body = screen.getByTestId('kb-editor-body');
  return Quill.find(body.parentElement as HTMLElement) as Quill;
}

const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('kb-editor-save'));
  });
};

describe('PageEditor', () => {
  it('opens the stored page in the rich editor and saves what was written, from the version it started from', async () => {
    const savePage = jest.fn(async () => 4);
    const onSaved = jest.fn();
    render(<PageEditor page={page()} onSaved={onSaved} service={{ savePage }} files={noFiles} />);
    const quill = await quillOf();
    expect(screen.getByTestId('kb-editor-body').querySelector('h1')?.textContent).toBe('第一天');
    act(() => {
      quill.insertText(quill.getLength() - 1, '\n签劳动合同', 'user');
      quill.formatText(quill.getLength() - 6, 5, 'bold', true, 'user');
    });
    await save();
    expect(savePage).toHaveBeenCalledWith('p1', { ops: [
      { insert: '第一天' }, { insert: '\n', attributes: { header: 1 } }, { insert: '领取工牌' }, { insert: '\n', attributes: { list: 'bullet' } },
      { insert: '签劳动合同', attributes: { bold: true } }, { insert: '\n', attributes: { list: 'bullet' } },
    ] }, '入职指南', 3);
    expect(onSaved).toHaveBeenCalledWith(4);
  });

  it('tells the editor when someone else saved meanwhile, and stays open', async () => {
    const savePage = jest.fn(async () => {
      throw new AppError('kb_version_conflict', '页面已被他人更新，请刷新后再保存', { status: 400 });
    });
    const onSaved = jest.fn();
    render(<PageEditor page={page()} onSaved={onSaved} service={{ savePage }} files={noFiles} />);
    await quillOf();
    await save();
    expect(screen.getByRole('alert').textContent).toBe('页面已被他人更新，请刷新后再保存');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('inserts an uploaded image, shown by its signed link and saved as the page\'s storage reference', async () => {
    const savePage = jest.fn(async () => 4);
    const file = { path: 'blob:1', name: 'org.png', size: 2048 };
    const files = { ...noFiles, chooseKbFile: jest.fn(async () => file), uploadPageImage: jest.fn(async () => 'kb/e1/p1/image-1.png') };
    render(<PageEditor page={page()} onSaved={jest.fn()} service={{ savePage }} files={files} />);
    await quillOf();
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-tool-image'));
    });
    await waitFor(() => expect(screen.getByTestId('kb-editor-body').querySelector('img')).not.toBeNull());
    expect(files.chooseKbFile).toHaveBeenCalledWith('kb-image-file-input', ['image']);
    expect(files.uploadPageImage).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1', enterprise_id: 'e1' }), file, expect.any(Function));
    expect(screen.getByTestId('kb-editor-body').querySelector('img')?.getAttribute('src')).toBe('http://storage.test/sign/kb/e1/p1/image-1.png');
    await save();
    const saved = JSON.stringify((savePage.mock.calls[0] as unknown[])[1]);
    expect(saved).toContain('{"insert":{"image":"kb/e1/p1/image-1.png"}}');
    expect(saved).not.toContain('storage.test');
  });

  it('says why an image was not added (the upload was refused) and keeps the text', async () => {
    const files = { ...noFiles, chooseKbFile: jest.fn(async () => ({ path: 'blob:1', name: 'big.png', size: 1 })),
      uploadPageImage: jest.fn(async () => { throw new AppError('kb_forbidden', '你没有权限执行这个操作', { status: 403 }); }) };
    render(<PageEditor page={page()} onSaved={jest.fn()} service={{ savePage: jest.fn() }} files={files} />);
    await quillOf();
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-tool-image'));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('你没有权限执行这个操作'));
    expect(screen.getByTestId('kb-editor-body').textContent).toBe('第一天领取工牌');
  });

  it('replaces the body with imported Markdown (web images become links, with a notice) and saves it', async () => {
    const savePage = jest.fn(async () => 4);
    render(<PageEditor page={page()} onSaved={jest.fn()} service={{ savePage }} files={noFiles} />);
    await quillOf();
    fireEvent.click(screen.getByTestId('kb-md-import'));
    // a Taro Textarea's host element emits `input` with `detail.value`, as in the H5 build
    fireEvent(screen.getByTestId('kb-md-text'), new CustomEvent('input', { detail: { value: '## 周报\n\n完成 **3 项**\n\n![图](https://img.example.com/a.png)' }, bubbles: true }));
    fireEvent.click(screen.getByTestId('kb-md-apply'));
    await quillOf();
    await waitFor(() => expect(screen.getByTestId('kb-editor-body').querySelector('h2')?.textContent).toBe('周报'));
    expect(screen.getByTestId('kb-editor-notice').textContent).toBe('已导入；1 张外部图片已转为链接');
    await save();
    expect(savePage).toHaveBeenCalledWith('p1', { ops: [
      { insert: '周报' }, { insert: '\n', attributes: { header: 2 } }, { insert: '完成 ' }, { insert: '3 项', attributes: { bold: true } },
      { insert: '\n' }, { insert: '图', attributes: { link: 'https://img.example.com/a.png' } }, { insert: '\n' },
    ] }, '入职指南', 3);
  });
});
