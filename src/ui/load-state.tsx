import { Text, View } from '@tarojs/components';
import { Button } from './button';
import { Loading } from './loading';

export interface LoadStateProps {
  loading: boolean;
  error: string;
  onRetry(): void;
  /** shown when loaded and empty */
  empty?: string;
  isEmpty?: boolean;
  testId?: string;
}

/** Loading / error (with retry) / empty states; renders nothing once there is something to show. */
export function LoadState({ loading, error, onRetry, empty, isEmpty, testId = 'load-state' }: LoadStateProps) {
  if (error) {
    return (
      <View className='state' data-testid={`${testId}-error`}>
        <Text role='alert'>{error}</Text>
        <Button className='state__action' size='small' role='button' onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (loading) {
    return (
      <View className='state' aria-busy data-testid={`${testId}-loading`}>
        <Loading type='circular'>加载中…</Loading>
      </View>
    );
  }
  if (isEmpty && empty) {
    return (
      <View className='state' data-testid={`${testId}-empty`}>
        <Text>{empty}</Text>
      </View>
    );
  }
  return null;
}

export interface PendingStateProps {
  /** empty while loading */
  error: string;
  onRetry(): void;
  ariaBusy?: boolean;
  /** the spinner's text */
  label?: string;
}

/** One state block for a screen that has nothing yet: the error with a retry, or the spinner. */
export function PendingState({ error, onRetry, ariaBusy, label = '加载中…' }: PendingStateProps) {
  return (
    <View className='state' aria-busy={ariaBusy}>
      {error ? (
        <>
          <Text role='alert'>{error}</Text>
          <Button className='state__action' size='small' onClick={onRetry}>
            重试
          </Button>
        </>
      ) : (
        <Loading type='circular'>{label}</Loading>
      )}
    </View>
  );
}

/** What a page that needs the current enterprise shows until it has one (`useEnterprisePage`'s state). */
export interface EnterprisePending {
  settled: boolean;
  error: string;
  reload(): void;
}

/** The whole page while its enterprise loads, failed to load, or isn't one the member belongs to. */
export function PageWithoutEnterprise({ page, empty = '请先加入或选择一个企业', testId }: { page: EnterprisePending; empty?: string; testId: string }) {
  return (
    <View className='page'>
      <LoadState loading={!page.settled} error={page.error} onRetry={page.reload} isEmpty empty={empty} testId={testId} />
    </View>
  );
}
