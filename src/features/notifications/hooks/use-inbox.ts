import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import * as service from '../services/notifications.service';
import type { InboxNotice } from '../services/notifications.types';

const PAGE = 20;

export interface Inbox {
  items: InboxNotice[];
  loading: boolean;
  error: string;
  /** a failed mark / next page, shown above the list without hiding it */
  actionError: string;
  hasMore: boolean;
  loadingMore: boolean;
  reload(): void;
  loadMore(): Promise<void>;
  markRead(notice: InboxNotice): Promise<void>;
  markAllRead(): Promise<void>;
}

type Service = Pick<typeof service, 'listNotifications' | 'markRead' | 'markAllRead'>;

/** The member's inbox, newest first, 20 at a time; marks read locally once the server has. */
export function useInbox(enabled: boolean, api: Service = service): Inbox {
  const [items, setItems] = useState<InboxNotice[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [actionError, setActionError] = useState('');
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const apiRef = useRef(api);
  apiRef.current = api;

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    setLoading(true);
    setError('');
    apiRef.current
      .listNotifications(null, PAGE)
      .then((page) => {
        if (cancelled) return;
        setItems(page);
        setHasMore(page.length === PAGE);
      })
      .catch((failure: unknown) => !cancelled && setError(messageOf(failure)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [enabled, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const loadMore = useCallback(async () => {
    const last = items[items.length - 1];
    if (!last || loadingMore) return;
    setLoadingMore(true);
    setActionError('');
    try {
      const page = await apiRef.current.listNotifications(last.created_at, PAGE);
      setItems((prev) => [...prev, ...page.filter((n) => !prev.some((p) => p.id === n.id))]);
      setHasMore(page.length === PAGE);
    } catch (failure) {
      setActionError(messageOf(failure));
    } finally {
      setLoadingMore(false);
    }
  }, [items, loadingMore]);

  const markRead = useCallback(async (notice: InboxNotice) => {
    if (notice.read_at) return;
    setActionError('');
    try {
      await apiRef.current.markRead([notice.id]);
      const now = new Date().toISOString();
      setItems((prev) => prev.map((n) => (n.id === notice.id ? { ...n, read_at: now } : n)));
    } catch (failure) {
      setActionError(messageOf(failure));
    }
  }, []);

  const markAllRead = useCallback(async () => {
    setActionError('');
    try {
      await apiRef.current.markAllRead();
      const now = new Date().toISOString();
      setItems((prev) => prev.map((n) => (n.read_at ? n : { ...n, read_at: now })));
    } catch (failure) {
      setActionError(messageOf(failure));
    }
  }, []);

  return { items, loading, error, actionError, hasMore, loadingMore, reload, loadMore, markRead, markAllRead };
}
