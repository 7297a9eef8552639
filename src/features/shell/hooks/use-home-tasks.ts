import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { shellService, type ShellService } from '../services/shell.service';
import { useTabBarStore } from '../store/tab-bar.store';

export interface HomeTasks {
  /** the current enterprise's edition features; null until loaded (or no enterprise) */
  features: string[] | null;
  /** pending join requests (admins of the current enterprise), else 0 */
  joinRequests: number;
  /** unread notices; null while the notification center is absent */
  unread: number | null;
  operator: boolean;
  error: string;
}

const EMPTY: HomeTasks = { features: null, joinRequests: 0, unread: null, operator: false, error: '' };

/**
 * What the home tab shows beyond the enterprise card: which entries the edition includes, what
 * waits for me, and whether the ops pages are mine. Loads when `enabled` (cleared) and again on
 * `reload` (every return to the tab). A failed read shows as an error line; the rest still shows.
 */
export function useHomeTasks(enabled: boolean, enterprise: { id: string; role: string } | null, service: ShellService = shellService) {
  const [tasks, setTasks] = useState<HomeTasks>(EMPTY);
  const [tick, setTick] = useState(0);
  const id = enterprise?.id ?? null;
  const admin = enterprise?.role === 'admin';

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const settle = <T>(p: Promise<T>, fallback: T, errors: string[]) =>
      p.catch((failure: unknown) => {
        errors.push(messageOf(failure));
        return fallback;
      });
    const errors: string[] = [];
    void Promise.all([
      settle(service.myPlatformRole(), null, errors),
      id ? settle(service.editionFeatures(id), null, errors) : Promise.resolve(null),
      id && admin ? settle(service.pendingJoinRequests(id), 0, errors) : Promise.resolve(0),
      settle(service.unreadNotificationCount(), null, errors),
    ]).then(([role, features, joinRequests, unread]) => {
      if (!live) return;
      setTasks({ operator: role === 'operator', features: features ?? null, joinRequests, unread, error: errors[0] ?? '' });
      // The tab bar shows the same edition and unread count; 首页 has just read both.
      useTabBarStore.getState().publish({ enterpriseId: id, features: features ?? null, unread });
    });
    return () => {
      live = false;
    };
  }, [enabled, id, admin, tick, service]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...tasks, reload };
}
