import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Suspense, type ComponentType } from 'react';
// Direct modules, not the feature indexes: tab pages sit in the main package.
import { useEnterprises } from '../../enterprise/hooks/use-enterprises';
import { useClearedMember } from '../../identity/hooks/use-cleared-member';
import { openRoute } from '../../../lib/navigation/open-route';
import { routeUrl } from '../../../lib/routes';
import type { TabDef } from '../../../lib/tabs';
import { Button } from '../../../ui/button';
import { LoadState } from '../../../ui/load-state';
import { useTabPage } from '../hooks/use-tab-page';
import { useTabBarStore } from '../store/tab-bar.store';
import { TabBarSlot } from './tab-bar-slot';
import './module-tab.css';

function Busy({ error = '', onRetry }: { error?: string; onRetry(): void }) {
  return (
    <View className='page'>
      <LoadState loading error={error} onRetry={onRetry} />
    </View>
  );
}

/**
 * A module's tab page (知识库, 学习, 社区): waits for the identity gate, then shows the module's own
 * home screen (`screen`: on H5 a lazy chunk, fetched when the tab first opens). When the current
 * enterprise's edition lacks the module the bar hides the tab; a page opened anyway (an old link)
 * says so instead of showing a screen every call of which the server would refuse.
 */
export function ModuleTab({ tab, screen: Screen }: { tab: TabDef; screen: ComponentType }) {
  const { status, cleared, gateError, retryGate } = useClearedMember(() => enterprises.reload());
  const enterprises = useEnterprises(cleared);
  const current = enterprises.current;
  const settled = enterprises.status === 'ready' || enterprises.status === 'error';
  useTabPage(tab.key, { signedOut: status === 'signed-out', ready: cleared && settled, enterpriseId: current?.id ?? null });
  const known = useTabBarStore((s) => (current && s.enterpriseId === current.id ? s.features : null));
  const lacking = !!tab.feature && !!known && !known.includes(tab.feature);

  let body;
  if (gateError) {
    body = <Busy error={gateError} onRetry={retryGate} />;
  } else if (status === 'signed-out') {
    body = (
      <View className='page'>
        <View className='card'>
          <Text className='page-title'>{tab.label}</Text>
          <Text className='page-subtitle'>登录后查看</Text>
          <Button className='module-tab__action' type='primary' block size='large' onClick={() => void Taro.navigateTo({ url: routeUrl('login') })}>
            登录 / 注册
          </Button>
        </View>
      </View>
    );
  } else if (!cleared) {
    body = <Busy onRetry={retryGate} />;
  } else if (lacking) {
    body = (
      <View className='page'>
        <View className='state' data-testid={`tab-${tab.key}-not-in-edition`}>
          <Text>{`「${current?.name ?? ''}」的版本不包含${tab.label}`}</Text>
          <Button className='state__action' size='small' onClick={() => openRoute(routeUrl('home'))}>
            回到首页
          </Button>
        </View>
      </View>
    );
  } else {
    body = (
      <Suspense fallback={<Busy onRetry={retryGate} />}>
        <Screen />
      </Suspense>
    );
  }
  return (
    <>
      {body}
      <TabBarSlot />
    </>
  );
}
