import { useLoader } from '../../../lib/hooks/use-loader';
import { unreadCount } from '../services/notifications.service';

/** The home entry's badge: how many notices the member has not read (0 while unknown). */
export function useUnreadCount(enabled: boolean, refreshKey: string) {
  const loaded = useLoader(unreadCount, refreshKey, enabled);
  return { count: loaded.data ?? 0, reload: loaded.reload };
}
