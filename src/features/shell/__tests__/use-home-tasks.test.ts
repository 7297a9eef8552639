import { renderHook, waitFor } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { useHomeTasks } from '../hooks/use-home-tasks';
import type { ShellService } from '../services/shell.service';

function service(overrides: Partial<Record<keyof ShellService, jest.Mock>> = {}) {
  return {
    myPlatformRole: jest.fn().mockResolvedValue(null),
    editionFeatures: jest.fn().mockResolvedValue(['directory', 'knowledge_base']),
    pendingJoinRequests: jest.fn().mockResolvedValue(3),
    unreadNotificationCount: jest.fn().mockResolvedValue(null),
    ...overrides,
  } as unknown as ShellService & Record<keyof ShellService, jest.Mock>;
}

describe('useHomeTasks (首页)', () => {
  it("an admin sees the enterprise's pending join requests and its edition's features", async () => {
    const s = service();
    const { result } = renderHook(() => useHomeTasks(true, { id: 'e1', role: 'admin' }, s));
    await waitFor(() => expect(result.current.joinRequests).toBe(3));
    expect(result.current.features).toEqual(['directory', 'knowledge_base']);
    expect(s.pendingJoinRequests).toHaveBeenCalledWith('e1');
    expect(result.current.operator).toBe(false);
  });

  it('a member is not asked about join requests; an operator gets the ops entry', async () => {
    const s = service({ myPlatformRole: jest.fn().mockResolvedValue('operator') });
    const { result } = renderHook(() => useHomeTasks(true, { id: 'e1', role: 'member' }, s));
    await waitFor(() => expect(result.current.operator).toBe(true));
    expect(s.pendingJoinRequests).not.toHaveBeenCalled();
    expect(result.current.joinRequests).toBe(0);
  });

  it('one failed read shows its message; the others still show', async () => {
    const s = service({ editionFeatures: jest.fn().mockRejectedValue(new AppError('network', '网络不太稳定，请稍后重试')) });
    const { result } = renderHook(() => useHomeTasks(true, { id: 'e1', role: 'admin' }, s));
    await waitFor(() => expect(result.current.error).toBe('网络不太稳定，请稍后重试'));
    expect(result.current.joinRequests).toBe(3);
    expect(result.current.features).toBeNull();
  });

  it('asks nothing before the member is cleared', () => {
    const s = service();
    renderHook(() => useHomeTasks(false, { id: 'e1', role: 'admin' }, s));
    expect(s.myPlatformRole).not.toHaveBeenCalled();
    expect(s.editionFeatures).not.toHaveBeenCalled();
  });
});
