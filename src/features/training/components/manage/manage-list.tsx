import { Text, View } from '@tarojs/components';
import type { Loaded } from '../../../../lib/hooks/use-loader';
import { Button } from '../../../../ui/button';
import { LoadState } from '../../../../ui/load-state';
import '../training.css';

export interface ManageListProps<T extends { id: string }> {
  /** `manage-courses` → the list; `manage-course-new`, `manage-course-<id>` for the button and rows */
  testId: string;
  rowTestId: string;
  newLabel: string;
  empty: string;
  list: Loaded<T[]>;
  onOpen(id: string | null): void;
  title(item: T): string;
  meta(item: T): string;
  /** a tag before the title (必修) */
  tag?(item: T): string | null;
}

/** A manager's list (courses, papers): 新建… on top, then a card per item that opens its editor. */
export function ManageList<T extends { id: string }>({ testId, rowTestId, newLabel, empty, list, onOpen, title, meta, tag }: ManageListProps<T>) {
  return (
    <View data-testid={testId}>
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' data-testid={`${rowTestId}-new`} onClick={() => onOpen(null)}>
          {newLabel}
        </Button>
      </View>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={list.data?.length === 0} empty={empty} testId={testId} />
      <View className='tr-list'>
        {list.data?.map((item) => (
          <View key={item.id} className='tr-card' role='link' data-testid={`${rowTestId}-${item.id}`} onClick={() => onOpen(item.id)}>
            <View className='tr-card__head'>
              {tag?.(item) && <Text className='tr-tag'>{tag(item)}</Text>}
              <Text className='tr-card__title'>{title(item)}</Text>
            </View>
            <Text className='tr-card__meta'>{meta(item)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
