import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { AppTabBar } from '../components/app-tab-bar';
import { useTabBarStore } from '../store/tab-bar.store';

// What a member sees in the tab bar: the tabs of the current enterprise's edition, which one is
// open, and the unread notices on the tab that leads to the inbox.
const BASIC = ['knowledge_base', 'community', 'directory', 'invitations'];
const PROFESSIONAL = [...BASIC, 'training', 'exams'];

/** The tabs' names as the bar reads them out (a badge adds its count to the name). */
const labels = () => screen.getAllByRole('tab').map((tab) => tab.getAttribute('aria-label')?.split('，')[0]);

function reads(features: Record<string, string[]>, unread: number | null = 0) {
  return {
    editionFeatures: jest.fn(async (id: string) => features[id] ?? []),
    unreadNotificationCount: jest.fn(async () => unread),
  };
}

beforeEach(() => {
  act(() => {
    useTabBarStore.getState().reset();
    useTabBarStore.getState().select('home');
  });
});

describe('tab bar', () => {
  it('a basic-edition member has no 学习 tab; a professional one has it', async () => {
    render(<AppTabBar />);
    await act(() => useTabBarStore.getState().refresh('basic-co', reads({ 'basic-co': BASIC })));
    expect(labels()).toEqual(['首页', '知识库', '社区', '我的']);
    await act(() => useTabBarStore.getState().refresh('pro-co', reads({ 'pro-co': PROFESSIONAL })));
    expect(labels()).toEqual(['首页', '知识库', '学习', '社区', '我的']);
  });

  it('before the edition is known (or signed out) shows only 首页 and 我的', () => {
    render(<AppTabBar />);
    expect(labels()).toEqual(['首页', '我的']);
  });

  it("switching enterprise hides the old enterprise's tabs until the new edition is read", async () => {
    render(<AppTabBar />);
    await act(() => useTabBarStore.getState().refresh('pro-co', reads({ 'pro-co': PROFESSIONAL })));
    let answer: (features: string[]) => void = () => undefined;
    const slow = { editionFeatures: () => new Promise<string[]>((resolve) => (answer = resolve)), unreadNotificationCount: async () => 0 };
    let pending: Promise<void> = Promise.resolve();
    act(() => {
      pending = useTabBarStore.getState().refresh('basic-co', slow);
    });
    expect(labels()).toEqual(['首页', '我的']);
    await act(async () => {
      answer(BASIC);
      await pending;
    });
    expect(labels()).toEqual(['首页', '知识库', '社区', '我的']);
  });

  it('an answer overtaken by a later refresh is dropped', async () => {
    render(<AppTabBar />);
    let answerOld: (features: string[]) => void = () => undefined;
    const slow = { editionFeatures: () => new Promise<string[]>((resolve) => (answerOld = resolve)), unreadNotificationCount: async () => 0 };
    let old: Promise<void> = Promise.resolve();
    act(() => {
      old = useTabBarStore.getState().refresh('pro-co', slow);
    });
    await act(() => useTabBarStore.getState().refresh('basic-co', reads({ 'basic-co': BASIC })));
    await act(async () => {
      answerOld(PROFESSIONAL);
      await old;
    });
    expect(labels()).toEqual(['首页', '知识库', '社区', '我的']);
  });

  it('shows the unread count on 首页, 99+ above 99, nothing at 0', async () => {
    render(<AppTabBar />);
    await act(() => useTabBarStore.getState().refresh('basic-co', reads({ 'basic-co': BASIC }, 3)));
    expect(screen.getByTestId('tab-home-badge').textContent).toBe('3');
    expect(screen.getByTestId('tab-home').getAttribute('aria-label')).toBe('首页，3 条未读');
    await act(() => useTabBarStore.getState().refresh('basic-co', reads({ 'basic-co': BASIC }, 120)));
    expect(screen.getByTestId('tab-home-badge').textContent).toBe('99+');
    await act(() => useTabBarStore.getState().refresh('basic-co', reads({ 'basic-co': BASIC }, 0)));
    expect(screen.queryByTestId('tab-home-badge')).toBeNull();
  });

  it('a failed read keeps what the bar showed', async () => {
    render(<AppTabBar />);
    await act(() => useTabBarStore.getState().refresh('pro-co', reads({ 'pro-co': PROFESSIONAL }, 2)));
    const failing = { editionFeatures: jest.fn().mockRejectedValue(new Error('offline')), unreadNotificationCount: jest.fn().mockRejectedValue(new Error('offline')) };
    await act(() => useTabBarStore.getState().refresh('pro-co', failing));
    expect(labels()).toEqual(['首页', '知识库', '学习', '社区', '我的']);
    expect(screen.getByTestId('tab-home-badge').textContent).toBe('2');
  });

  it('marks the open tab and switches to another with switchTab', async () => {
    const switchTab = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve({ errMsg: 'switchTab:ok' }) as never);
    render(<AppTabBar />);
    await act(() => useTabBarStore.getState().refresh('pro-co', reads({ 'pro-co': PROFESSIONAL })));
    expect(screen.getByTestId('tab-home').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByTestId('tab-home'));
    expect(switchTab).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('tab-learn'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/learn/index' });
    act(() => useTabBarStore.getState().select('learn'));
    expect(screen.getByTestId('tab-learn').getAttribute('aria-selected')).toBe('true');
    switchTab.mockRestore();
  });
});
