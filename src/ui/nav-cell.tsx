import { Text, View } from '@tarojs/components';
import { Cell } from './cell';
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
        <View className='nav-cell__body'>
          <Text className='nav-cell__title'>{title}</Text>
          {description && <Text className='nav-cell__description'>{description}</Text>}
        </View>
        {extra && <Text className='nav-cell__extra'>{extra}</Text>}
        <Text className='nav-cell__chevron' aria-hidden>
          ›
        </Text>
      </View>
    </Cell>
  );
}
