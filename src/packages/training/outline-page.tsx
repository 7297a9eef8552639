import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { useShownLoader } from '../../features/training';
import { LoadState } from '../../ui/load-state';

export interface OutlinePageProps<T> {
  /** the page's test id; its load state is `<stateTestId>` */
  testId: string;
  stateTestId: string;
  /** loads what the route's `id` names (a course, a path) */
  load(id: string): Promise<T>;
  children(data: T, id: string): ReactNode;
}

/**
 * The frame of a learner page about one thing named by the route's `id` (a course, a path): loaded
 * again each time the page shows after the first, so the progress on it is the one the learner
 * just made on the lesson, exam or course they come back from.
 */
export function OutlinePage<T>({ testId, stateTestId, load, children }: OutlinePageProps<T>) {
  const id = useRouter().params.id ?? '';
  const outline = useShownLoader(() => load(id), id, Boolean(id));
  return (
    <View className='page' data-testid={testId}>
      <LoadState loading={outline.loading && !outline.data} error={outline.error} onRetry={outline.reload} testId={stateTestId} />
      {outline.data && children(outline.data, id)}
    </View>
  );
}
