import { Image, Text, View } from '@tarojs/components';
import { useShallow } from 'zustand/react/shallow';
import { openRoute } from '../../../lib/navigation/open-route';
import { routeUrl } from '../../../lib/routes';
import { visibleTabs } from '../../../lib/tabs';
import { useTabBarStore } from '../store/tab-bar.store';
import { tabIcon } from './tab-icons';
import './app-tab-bar.css';

/** The badge text: a count up to 99, then 99+. */
export const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/**
 * The tab bar: the tabs of the modules built into the app whose feature the current enterprise's
 * edition includes (lib/tabs.ts), and the unread badge on the tab that leads to the inbox. Drawn by
 * the mini-program's custom-tab-bar and, on H5, by each tab page (TabBarSlot).
 */
export function AppTabBar() {
  const { selected, features, unread } = useTabBarStore(useShallow((s) => ({ selected: s.selected, features: s.features, unread: s.unread })));
  return (
    <View className='app-tab-bar' role='tablist' data-testid='tab-bar'>
      {visibleTabs(features).map((tab) => {
        const active = tab.key === selected;
        const badge = tab.badge === 'unread' && unread > 0 ? badgeText(unread) : '';
        return (
          <View
            key={tab.key}
            className={`app-tab-bar__item${active ? ' app-tab-bar__item--active' : ''}`}
            role='tab'
            aria-selected={active}
            aria-label={badge ? `${tab.label}，${unread} 条未读` : tab.label}
            data-testid={`tab-${tab.key}`}
            onClick={() => {
              if (!active) openRoute(routeUrl(tab.route));
            }}
          >
            <View className='app-tab-bar__icon'>
              <Image className='app-tab-bar__image' src={tabIcon(tab.icon, active)} mode='aspectFit' />
              {badge && (
                <Text className='app-tab-bar__badge' data-testid={`tab-${tab.key}-badge`}>
                  {badge}
                </Text>
              )}
            </View>
            <Text className='app-tab-bar__label'>{tab.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
