import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface DeskColumn<T> {
  label: string;
  /** a CSS grid track, e.g. `1.2fr` */
  width: string;
  render(row: T): ReactNode;
}

export interface DeskTableProps<T> {
  /** what the table lists, for screen readers */
  label: string;
  columns: readonly DeskColumn<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  /** the row a side panel shows */
  selectedKey?: string | null;
  onSelect?(row: T): void;
  /** the row's accessible name (what clicking it opens) */
  rowLabel?(row: T): string;
  /** each row's test id */
  rowTestId: string;
  busy?: boolean;
}

/** A desk table: one CSS grid per row (Taro views, not <table>), rows clickable to open a side panel. */
export function DeskTable<T>({ label, columns, rows, rowKey, selectedKey, onSelect, rowLabel, rowTestId, busy }: DeskTableProps<T>) {
  const grid = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };
  return (
    <View className='desk-table' role='table' aria-label={label} aria-busy={busy}>
      <View className='desk-table__row desk-table__row--head' role='row' style={grid}>
        {columns.map((c) => (
          <Text key={c.label} className='desk-table__cell' role='columnheader'>{c.label}</Text>
        ))}
      </View>
      {rows.map((row) => {
        const key = rowKey(row);
        return (
          <View
            key={key}
            role='row'
            className={`desk-table__row ${onSelect ? 'desk-table__row--click' : ''} ${selectedKey === key ? 'desk-table__row--on' : ''}`}
            style={grid}
            data-testid={rowTestId}
            data-key={key}
            aria-label={rowLabel?.(row)}
            onClick={onSelect ? () => onSelect(row) : undefined}
          >
            {columns.map((c) => (
              <Text key={c.label} className='desk-table__cell' role='cell'>{c.render(row)}</Text>
            ))}
          </View>
        );
      })}
    </View>
  );
}
