import { Text, View } from '@tarojs/components';

export interface RowContentProps {
  /** the CSS block of the row (`link-cell`, `nav-cell`): classes are `<block>__title` and so on */
  block: string;
  title: string;
  description?: string;
  extra?: string;
}

/** What a navigating list row shows: title, optional description, an extra value and a chevron. */
export function RowContent({ block, title, description, extra }: RowContentProps) {
  return (
    <>
      <View className={`${block}__body`}>
        <Text className={`${block}__title`}>{title}</Text>
        {description && <Text className={`${block}__description`}>{description}</Text>}
      </View>
      {extra && <Text className={`${block}__extra`}>{extra}</Text>}
      <Text className={`${block}__chevron`} aria-hidden>
        ›
      </Text>
    </>
  );
}
