import { act, fireEvent, render, screen } from '@testing-library/react';
import { mapError } from '../../../lib/data';
import { InboxView } from '../components/inbox-view';
import { useInbox } from '../hooks/use-inbox';
import { NOTIFICATION_MESSAGES } from '../notifications.messages';
import type { InboxNotice } from '../services/notifications.types';

const notice = (i: number, extra: Partial<InboxNotice> = {}): InboxNotice => ({
  id: `n${i}`, kind: 'enterprise_membership', label: '成员变动', title: `通知${i}`, body: `内容${i}`, data: {},
  target: null, created_at: new Date(Date.UTC(2026, 11, 6, 10, 0) - i * 60_000).toISOString(), read_at: null, ...extra,
});

/** The server's view of one member's inbox: newest first, pages by created_at, marks persist. */
function fakeServer(items: InboxNotice[]) {
  const rows = items.map((n) => ({ ...n }));
  return {
    listNotifications: jest.fn(async (before: string | null, limit = 20) =>
      rows.filter((n) => !before || n.created_at < before).slice(0, limit).map((n) => ({ ...n }))),
    markRead: jest.fn(async (ids: string[]) => {
      for (const n of rows) if (ids.includes(n.id) && !n.read_at) n.read_at = 'now';
      return ids.length;
    }),
    markAllRead: jest.fn(async () => {
      const unread = rows.filter((n) => !n.read_at);
      unread.forEach((n) => (n.read_at = 'now'));
      return unread.length;
    }),
  };
}

function Harness({ server, onNavigate = jest.fn() }: { server: ReturnType<typeof fakeServer>; onNavigate?: (url: string) => void }) {
  const inbox = useInbox(true, server);
  return <InboxView inbox={inbox} onNavigate={onNavigate} onOpenSettings={jest.fn()} />;
}

const settle = () => act(async () => undefined);
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('消息 inbox', () => {
  it('lists notices newest first with unread marks; tapping one marks it read and opens its object', async () => {
    const onNavigate = jest.fn();
    const server = fakeServer([
      notice(1, { kind: 'enterprise_join_request', label: '加入申请', target: { kind: 'join_request', id: 'r1' }, data: { enterprise_id: 'e1' } }),
      notice(2, { read_at: '2026-12-06T09:00:00Z' }),
    ]);
    render(<Harness server={server} onNavigate={onNavigate} />);
    await settle();
    expect(screen.getByTestId('inbox-unread').textContent).toBe('1 条未读');
    expect(screen.getByTestId('notice-n1').getAttribute('data-unread')).toBe('true');
    expect(screen.getByTestId('notice-n2').getAttribute('data-unread')).toBe('false');
    expect(screen.getByText('通知1')).toBeTruthy();

    await click('notice-n1');
    expect(server.markRead).toHaveBeenCalledWith(['n1']);
    expect(onNavigate).toHaveBeenCalledWith('/packages/admin/index?id=e1&tab=requests');
    expect(screen.getByTestId('notice-n1').getAttribute('data-unread')).toBe('false');
    expect(screen.getByTestId('inbox-unread').textContent).toBe('没有未读消息');
  });

  it('a notice with nothing to open is only marked read; a read one is not marked again', async () => {
    const onNavigate = jest.fn();
    const server = fakeServer([notice(1), notice(2, { read_at: 'earlier' })]);
    render(<Harness server={server} onNavigate={onNavigate} />);
    await settle();
    await click('notice-n1');
    await click('notice-n2');
    expect(server.markRead).toHaveBeenCalledTimes(1);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('全部已读 marks every notice read; it is disabled with nothing unread', async () => {
    const server = fakeServer([notice(1), notice(2), notice(3)]);
    render(<Harness server={server} />);
    await settle();
    expect(screen.getByTestId('inbox-unread').textContent).toBe('3 条未读');
    await click('inbox-mark-all');
    expect(server.markAllRead).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('inbox-unread').textContent).toBe('没有未读消息');
    expect(screen.getAllByRole('link').every((el) => el.getAttribute('data-unread') === 'false')).toBe(true);
    expect(screen.getByTestId('inbox-mark-all').getAttribute('aria-disabled')).toBe('true');
  });

  it('pages 20 at a time with 加载更多', async () => {
    const server = fakeServer(Array.from({ length: 25 }, (_, i) => notice(i + 1)));
    render(<Harness server={server} />);
    await settle();
    expect(screen.getAllByRole('link')).toHaveLength(20);
    await click('inbox-more');
    expect(screen.getAllByRole('link')).toHaveLength(25);
    expect(server.listNotifications).toHaveBeenLastCalledWith(expect.any(String), 20);
    expect(screen.queryByTestId('inbox-more')).toBeNull();
  });

  it('shows the empty state, and a load failure with 重试', async () => {
    const empty = fakeServer([]);
    const { unmount } = render(<Harness server={empty} />);
    await settle();
    expect(screen.getByTestId('inbox-empty').textContent).toContain('暂无消息');
    unmount();

    const failing = fakeServer([notice(1)]);
    failing.listNotifications.mockRejectedValueOnce(mapError({ code: '22023', message: 'limit_invalid', details: '', hint: '' }, NOTIFICATION_MESSAGES));
    render(<Harness server={failing} />);
    await settle();
    expect(screen.getByTestId('inbox-error').textContent).toContain('每次可加载 1–100 条通知');
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(screen.getByTestId('notice-n1')).toBeTruthy();
  });
});
