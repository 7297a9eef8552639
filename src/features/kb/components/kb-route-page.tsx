import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, type ReactNode } from 'react';
import { useLoader, type Loaded } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';

interface KbRoutePageProps<T> {
  /** the route parameter naming what the screen shows (`node`, `review`) */
  param: string;
  load: (id: string) => Promise<T>;
  testId: string;
  /** shown when the answer is null */
  empty?: string;
  /** load again when the screen shows again (back from the editor or the history) */
  reloadOnShow?: boolean;
  children: (data: NonNullable<T>, loaded: Loaded<T>) => ReactNode;
}

/**
 * The frame of a knowledge-base screen that shows one thing named in its route: loads it, shows the
 * loading, error and empty states until it is there, then what `children` makes of it.
 */
export function KbRoutePage<T>({ param, load, testId, empty, reloadOnShow = false, children }: KbRoutePageProps<T>) {
  const id = useRouter().params?.[param] ?? '';
  const loaded = useLoader(() => load(id), id, !!id);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else if (reloadOnShow) loaded.reload();
  });
  return (
    <View className='page'>
      {loaded.data ? children(loaded.data as NonNullable<T>, loaded)
        : <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} isEmpty={empty ? loaded.data === null : undefined} empty={empty} testId={testId} />}
    </View>
  );
}
