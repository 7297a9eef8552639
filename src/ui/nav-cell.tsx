import { View } from '@tarojs/components';
import { Cell } from './cell';
import { RowContent } from './row-content';
import './nav-cell.css';

export interface NavCellProps {
  title: string;
  description?: string;
  extra?: string;
  onClick(): void;
  'data-testid'?: string;
}

/**
 * A NutUI Cell that navigates, for CellGroup lists (我的, 首页). NutUI's Cell drops test ids and
 * ARIA props, so they sit on the row inside it; the tap is the Cell's own (its press feedback).
 */
export function NavCell({ title, description, extra, onClick, 'data-testid': testId }: NavCellProps) {
  return (
    <Cell clickable onClick={onClick}>
      <View className='nav-cell' role='link' aria-label={title} data-testid={testId}>
        <RowContent block='nav-cell' title={title} description={description} extra={extra} />
      </View>
    </Cell>
  );
}
