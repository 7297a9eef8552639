import { View } from '@tarojs/components';
import { RowContent } from './row-content';
import './link-cell.css';

export interface LinkCellProps {
  title: string;
  description?: string;
  extra?: string;
  onClick(): void;
  'data-testid'?: string;
}

/** A tappable list row that navigates somewhere (NutUI's Cell drops test ids and ARIA props). */
export function LinkCell({ title, description, extra, onClick, 'data-testid': testId }: LinkCellProps) {
  return (
    <View className='link-cell' role='link' aria-label={title} data-testid={testId} onClick={onClick}>
      <RowContent block='link-cell' title={title} description={description} extra={extra} />
    </View>
  );
}
