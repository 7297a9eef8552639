import { act, fireEvent, render, screen } from '@testing-library/react';
import { PageEditor } from '../components/page-editor';
import { AppError } from '../../../lib/errors/app-error';
import type { KbPage } from '../services/kb.types';

const page = (over: Partial<KbPage> = {}): KbPage => ({
  id: 'p1', kind: 'page', title: '入职指南', enterprise_id: 'e1', space_id: 's1', parent_id: 'f1',
  delta: { ops: [{ insert: '第一天' }, { insert: '\n', attributes: { header: 1 } }, { insert: '领取工牌' }, { insert: '\n', attributes: { list: 'bullet' } }] },
  version_no: 3, updated_at: '2026-12-01T00:00:00Z', updated_by_name: '张伟', file_path: null, file_mime: '', file_size: 0,
  role: 'editor', comments_enabled: true, reads: 1, likes: 0, favorites: 0, comments: 0, liked: false, favorited: false, ...over,
});

const textarea = (container: HTMLElement) => container.querySelector('[data-testid="kb-editor-body"]') as HTMLElement & { value: string };

describe('PageEditor', () => {
  it('opens the stored page as editable text and saves it from the version it started from', async () => {
    const saveMarkup = jest.fn(async () => 4);
    const onSaved = jest.fn();
    const { container } = render(<PageEditor page={page()} onSaved={onSaved} service={{ saveMarkup }} />);
    expect(textarea(container).value).toBe('# 第一天\n- 领取工牌');
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-save'));
    });
    expect(saveMarkup).toHaveBeenCalledWith('p1', '# 第一天\n- 领取工牌', '入职指南', 3);
    expect(onSaved).toHaveBeenCalledWith(4);
  });

  it('tells the editor when someone else saved meanwhile, and stays open', async () => {
    const saveMarkup = jest.fn(async () => {
      throw new AppError('kb_version_conflict', '页面已被他人更新，请刷新后再保存', { status: 400 });
    });
    const onSaved = jest.fn();
    render(<PageEditor page={page()} onSaved={onSaved} service={{ saveMarkup }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-save'));
    });
    expect(screen.getByRole('alert').textContent).toBe('页面已被他人更新，请刷新后再保存');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('inserts an uploaded image as its own line, saved as an image embed of the page', async () => {
    const saveMarkup = jest.fn(async () => 4);
    const file = { path: 'blob:1', name: 'org.png', size: 2048 };
    const chooseKbFile = jest.fn(async () => file);
    const uploadPageImage = jest.fn(async () => 'kb/e1/p1/image-1.png');
    const { container } = render(<PageEditor page={page()} onSaved={jest.fn()} service={{ saveMarkup }} files={{ chooseKbFile, uploadPageImage }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-image'));
    });
    expect(chooseKbFile).toHaveBeenCalledWith('kb-image-file-input', ['image']);
    expect(uploadPageImage).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1', enterprise_id: 'e1' }), file, expect.any(Function));
    expect(textarea(container).value).toBe('# 第一天\n- 领取工牌\n![图片](kb/e1/p1/image-1.png)\n');
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-save'));
    });
    expect(saveMarkup).toHaveBeenCalledWith('p1', '# 第一天\n- 领取工牌\n![图片](kb/e1/p1/image-1.png)\n', '入职指南', 3);
  });

  it('says why an image was not added (the upload was refused) and keeps the text', async () => {
    const chooseKbFile = jest.fn(async () => ({ path: 'blob:1', name: 'big.png', size: 1 }));
    const uploadPageImage = jest.fn(async () => {
      throw new AppError('kb_forbidden', '你没有权限执行这个操作', { status: 403 });
    });
    const { container } = render(<PageEditor page={page()} onSaved={jest.fn()} service={{ saveMarkup: jest.fn() }} files={{ chooseKbFile, uploadPageImage }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-editor-image'));
    });
    expect(screen.getByRole('alert').textContent).toBe('你没有权限执行这个操作');
    expect(textarea(container).value).toBe('# 第一天\n- 领取工牌');
  });
});
