import { View } from '@tarojs/components';
import { Fragment, useState, type ReactNode } from 'react';
import { useLoader } from '../lib/hooks/use-loader';
import { ChoiceChips } from './choice-chips';
import { LoadState } from './load-state';
import { StatusLine } from './status-line';

export interface DecisionListProps<F extends string, T> {
  /** root test id; the filter, result and load states derive theirs from it unless given */
  testId: string;
  filterTestId?: string;
  loadTestId?: string;
  /** class of the result line (the feature's muted text style) */
  resultClassName: string;
  className?: string;
  filters: { value: F; label: string }[];
  load(filter: F): Promise<T[]>;
  /** extra reload key besides the filter (e.g. the enterprise id) */
  loadKey?: string;
  enabled?: boolean;
  empty(filter: F): string;
  itemKey(item: T): string;
  /** `onDone(message)` shows the message and reloads the list */
  renderItem(item: T, onDone: (message: string) => void): ReactNode;
}

/** The state both layouts share: the filter, the loaded items, the last decision's message. */
export function useDecisionList<F extends string, T>(props: DecisionListProps<F, T>) {
  const [filter, setFilter] = useState<F>(props.filters[0].value);
  const key = props.loadKey === undefined ? filter : `${props.loadKey}|${filter}`;
  const list = useLoader(() => props.load(filter), key, props.enabled ?? true);
  const [result, setResult] = useState('');
  const onDone = (message: string) => {
    setResult(message);
    list.reload();
  };
  const header = (
    <>
      <ChoiceChips label='显示' testId={props.filterTestId ?? `${props.testId}-filter`} value={filter} onChange={(v) => setFilter(v as F)} options={props.filters} />
      <StatusLine message={result} className={props.resultClassName} testId={`${props.testId}-result`} />
      <LoadState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.data?.length === 0}
        empty={props.empty(filter)}
        testId={props.loadTestId ?? props.testId}
      />
    </>
  );
  return { filter, list, onDone, header };
}

/**
 * A filtered list of items an operator or admin decides on (join requests, corrections,
 * qualification documents): filter chips, the last decision's message, load states, the items.
 */
export function DecisionList<F extends string, T>(props: DecisionListProps<F, T>) {
  const { list, onDone, header } = useDecisionList(props);
  return (
    <View className={props.className} data-testid={props.testId}>
      {header}
      {list.data?.map((item) => <Fragment key={props.itemKey(item)}>{props.renderItem(item, onDone)}</Fragment>)}
    </View>
  );
}

/** Keys an item by id and status, so an item a decision moved on is drawn afresh. */
export const byIdAndStatus = (item: { id: string; status: string }) => `${item.id}-${item.status}`;

/** The usual queue filter: the items still open (shown first), or all of them with their outcomes. */
export function openOrAll<O extends string>(open: O, openLabel: string, emptyOpen: string, emptyAll: string): Pick<DecisionListProps<O | 'all', unknown>, 'filters' | 'empty'> {
  return {
    filters: [{ value: open, label: openLabel }, { value: 'all', label: '全部' }],
    empty: (filter) => (filter === open ? emptyOpen : emptyAll),
  };
}
