import { Text, View } from '@tarojs/components';

/** 无权限: a page only some people may use, opened by someone else (the database refuses them anyway). */
export function AccessDenied({ message, testId }: { message: string; testId: string }) {
  return (
    <View className='state' role='alert' data-testid={testId}>
      <Text className='page-title'>无权限</Text>
      <Text className='page-subtitle'>{message}</Text>
    </View>
  );
}
