import { Text, View } from '@tarojs/components';
import { Button } from './button';

export interface DeskPagerProps {
  total: number;
  offset: number;
  limit: number;
  onOffset(offset: number): void;
  testId: string;
  /** what the rows are, for "共 N 人" */
  unit?: string;
}

/** Server-side pages of a desk table: the total, the page, previous and next. */
export function DeskPager({ total, offset, limit, onOffset, testId, unit = '条' }: DeskPagerProps) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <View className='desk-pager' role='navigation' aria-label='分页' data-testid={testId}>
      <Text data-testid={`${testId}-total`}>
        共 {total} {unit}
      </Text>
      <Button size='small' fill='outline' disabled={offset === 0} data-testid={`${testId}-prev`} onClick={() => onOffset(Math.max(0, offset - limit))}>
        上一页
      </Button>
      <Text data-testid={`${testId}-page`}>
        第 {page} / {pages} 页
      </Text>
      <Button size='small' fill='outline' disabled={page >= pages} data-testid={`${testId}-next`} onClick={() => onOffset(offset + limit)}>
        下一页
      </Button>
    </View>
  );
}
