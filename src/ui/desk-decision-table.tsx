import { View } from '@tarojs/components';
import { useState } from 'react';
import { useDecisionList, type DecisionListProps } from './decision-list';
import { DeskPager } from './desk-pager';
import { DeskTable, type DeskColumn } from './desk-table';

const PAGE_SIZE = 20;

export interface DeskDecisionTableProps<F extends string, T> extends DecisionListProps<F, T> {
  /** the table's columns; the row opens the phone layout's item in a side panel */
  columns: readonly DeskColumn<T>[];
  /** what the table lists, for screen readers */
  label: string;
}

/**
 * A DecisionList at desk width: the same filter, load and decision, shown as a table with pages;
 * a row opens the item (its decision buttons) beside the table.
 */
export function DeskDecisionTable<F extends string, T>(props: DeskDecisionTableProps<F, T>) {
  const { filter, list, onDone, header } = useDecisionList(props);
  const [selected, setSelected] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [shownFilter, setShownFilter] = useState(filter);
  if (shownFilter !== filter) {
    // a new filter starts at the first page with nothing open
    setShownFilter(filter);
    setOffset(0);
    setSelected(null);
  }
  const rows = list.data ?? [];
  const open = rows.find((row) => props.itemKey(row) === selected);

  return (
    <View className={props.className} data-testid={props.testId}>
      {header}
      {rows.length > 0 && (
        <View className='desk-split'>
          <View className='desk-split__main'>
            <DeskTable<T>
              label={props.label}
              columns={props.columns}
              rows={rows.slice(offset, offset + PAGE_SIZE)}
              rowKey={props.itemKey}
              selectedKey={selected}
              onSelect={(row) => setSelected(props.itemKey(row))}
              rowTestId={`${props.testId}-row`}
              busy={list.loading}
            />
            <DeskPager total={rows.length} offset={offset} limit={PAGE_SIZE} onOffset={setOffset} testId={`${props.testId}-pager`} />
          </View>
          {open && (
            <View className='desk-split__side' data-testid={`${props.testId}-panel`}>
              {props.renderItem(open, (message) => {
                setSelected(null);
                onDone(message);
              })}
            </View>
          )}
        </View>
      )}
    </View>
  );
}
