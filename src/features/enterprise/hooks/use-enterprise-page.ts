import { useRouter } from '@tarojs/taro';
import { useSessionStore, useRequireSession } from '../../auth';
import { useEnterprises } from './use-enterprises';

/**
 * For enterprise pages: signed-in user, the enterprises list, and the enterprise the page is about
 * (`?id=` when given, else the current one).
 */
export function useEnterprisePage() {
  const session = useRequireSession();
  const selfId = useSessionStore((s) => s.user?.id ?? '');
  const router = useRouter();
  const list = useEnterprises(session === 'signed-in');
  const wanted = router.params?.id;
  const enterprise = wanted ? list.enterprises.find((e) => e.id === wanted) ?? null : list.current;
  const settled = list.status === 'ready' || list.status === 'error';
  return { session, selfId, params: router.params ?? {}, ...list, enterprise, settled };
}
