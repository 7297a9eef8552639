import { act, renderHook } from '@testing-library/react';
import { REPORT_EVERY_SECONDS, useVideoProgress } from '../hooks/use-video-progress';

// The hook is under test; the progress report behind it is replaced.
jest.mock('../services/training.service', () => ({
  reportProgress: jest.fn(async (_lesson: string, position: number) => ({ position_seconds: position, watched_seconds: 40, completed: false, course_completed: false })),
}));

describe('useVideoProgress seeking rule', () => {
  it('in a course that limits seeking, a jump past the furthest point watched is sent back to it', () => {
    const { result } = renderHook(() => useVideoProgress('l-1', { position: 40, watched: 40 }, true));
    let back: number | null = null;
    act(() => { back = result.current.onTime(40 + REPORT_EVERY_SECONDS + 60); });
    expect(back).toBe(40);
  });
  it('in a course that allows seeking, the same jump plays on (and is reported)', async () => {
    const { result } = renderHook(() => useVideoProgress('l-1', { position: 40, watched: 40 }, false));
    let back: number | null = 0;
    await act(async () => { back = result.current.onTime(40 + REPORT_EVERY_SECONDS + 60); });
    expect(back).toBeNull();
    expect(result.current.progress?.position_seconds).toBe(40 + REPORT_EVERY_SECONDS + 60);
  });
});
