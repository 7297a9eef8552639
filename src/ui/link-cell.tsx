import { Text, View } from '@tarojs/components';
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
      <View className='link-cell__body'>
        <Text className='link-cell__title'>{title}</Text>
        {description && <Text className='link-cell__description'>{description}</Text>}
      </View>
      {extra && <Text className='link-cell__extra'>{extra}</Text>}
      <Text className='link-cell__chevron' aria-hidden>
        ›
      </Text>
    </View>
  );
}
