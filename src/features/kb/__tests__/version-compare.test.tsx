import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { VersionCompare } from '../components/version-compare';
import type { KbVersion } from '../services/kb.types';

const v = (no: number): KbVersion => ({ id: `v${no}`, version_no: no, title: '灰度方案', author_id: 'u1', created_at: '2026-12-01T00:00:00Z', restored_from: null });
const TEXT: Record<number, string> = { 1: '灰度方案\n先向研发开放\n观察一周\n', 2: '灰度方案\n直接全量发布\n观察一周\n', 3: '灰度方案\n直接全量发布\n' };

describe('VersionCompare', () => {
  it('compares the two newest versions first, marking removed and added lines by sign and name, not colour only', async () => {
    const versionTexts = jest.fn(async (_node: string, nos: number[]) => nos.map((no) => ({ version_no: no, body_text: TEXT[no] })));
    render(<VersionCompare nodeId='p1' versions={[v(3), v(2), v(1)]} service={{ versionTexts }} />);
    await waitFor(() => expect(screen.getByTestId('kb-compare-summary').textContent).toBe('第 2 版 → 第 3 版：新增 0 行，删除 1 行'));
    expect(versionTexts).toHaveBeenCalledWith('p1', [2, 3]);
    const removed = screen.getByTestId('kb-diff-removed');
    expect(removed.getAttribute('aria-label')).toBe('删除：观察一周');
    expect(removed.textContent).toBe('−观察一周');

    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-compare-from-1'));
    });
    await waitFor(() => expect(screen.getByTestId('kb-compare-summary').textContent).toBe('第 1 版 → 第 3 版：新增 1 行，删除 2 行'));
    expect(screen.getByTestId('kb-diff-added').getAttribute('aria-label')).toBe('新增：直接全量发布');
  });

  it('asks for two different versions', async () => {
    const versionTexts = jest.fn(async () => []);
    render(<VersionCompare nodeId='p1' versions={[v(2), v(1)]} service={{ versionTexts }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-compare-from-2'));
    });
    expect(screen.getByText('请选择两个不同的版本')).toBeTruthy();
  });
});
