import { View } from '@tarojs/components';
import { AppTabBar } from './app-tab-bar';

/**
 * H5: each tab page draws the bar itself (Taro's H5 router draws no custom tab bar), with a spacer
 * so its last rows stay above it. Mini-programs draw it from src/custom-tab-bar instead.
 */
export function TabBarSlot() {
  return (
    <>
      <View className='app-tab-bar-spacer' />
      <AppTabBar />
    </>
  );
}
