import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
// Deep import named in eslint.config.mjs: enterprise's index would bring its admin screens here.
import { useEnterprisePage } from '../../features/enterprise/hooks/use-enterprise-page';
import { isTrainingManager } from '../../features/training';
import { useLoader } from '../../lib/hooks/use-loader';
import { LoadState } from '../../ui/load-state';

/**
 * The frame of every 培训管理 page: the current enterprise and a plain refusal for someone who does
 * not manage training there (the server refuses too). Lists and editors reload when the page shows
 * again (useShownLoader) rather than remounting: a mini-program page also hides while the album or a
 * chat's file picker is open, and a remount would drop the form and the file just picked.
 */
export function ManagerPage({ testId, children }: { testId: string; children(enterpriseId: string): ReactNode }) {
  const page = useEnterprisePage();
  const e = page.enterprise;
  return (
    <View className='page' data-testid={testId}>
      {!e ? (
        <LoadState loading={!page.settled} error={page.error} onRetry={page.reload} isEmpty empty='请先加入或选择一个企业' testId={testId} />
      ) : !isTrainingManager(e) ? (
        <Text role='alert' data-testid={`${testId}-refused`}>
          {e.edition === 'basic' ? '培训与考试是专业版和私有版的功能，请升级企业版本' : '仅企业管理员或培训管理员可以管理培训'}
        </Text>
      ) : (
        children(e.id)
      )}
    </View>
  );
}

export interface ManagerItemPageProps<T> {
  testId: string;
  /** the load state's test id while the row loads */
  stateTestId: string;
  /** the route's id of the row to edit; empty: a new one */
  id: string;
  load(id: string): Promise<T>;
  children(enterpriseId: string, existing: T | null): ReactNode;
}

/** A 培训管理 page editing one row the route names (a paper, a question), or a new one without an id. */
export function ManagerItemPage<T>({ testId, stateTestId, id, load, children }: ManagerItemPageProps<T>) {
  const existing = useLoader(() => load(id), id, Boolean(id));
  return (
    <ManagerPage testId={testId}>
      {(enterpriseId) =>
        id && !existing.data ? (
          <LoadState loading={existing.loading} error={existing.error} onRetry={existing.reload} testId={stateTestId} />
        ) : (
          children(enterpriseId, existing.data)
        )
      }
    </ManagerPage>
  );
}
