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
});
