import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useEnterpriseStore, EnterpriseList, useEnterprisePage } from '../../../features/enterprise';
import { LinkCell } from '../../../ui/link-cell';
import { routeUrl } from '../../../lib/routes';

export default function MyEnterprisesPage() {
  const page = useEnterprisePage();
  const firstShow = useRef(true);
  const leave = useEnterpriseStore((s) => s.leave);

  // Back from create / join: the list changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else if (page.session === 'signed-in') page.reload();
  });

  return (
    <View className='page' data-testid='enterprise-mine-page'>
      <EnterpriseList
        enterprises={page.enterprises}
        loading={page.status === 'loading' || page.status === 'idle'}
        error={page.error}
        onRetry={page.reload}
        onSwitch={page.switchTo}
        onOpenDirectory={(e) => void Taro.navigateTo({ url: routeUrl('directory', { id: e.id }) })}
        onOpenCard={(e) => void Taro.navigateTo({ url: routeUrl('card', { id: e.id }) })}
        onOpenAdmin={(e) => void Taro.navigateTo({ url: routeUrl('admin', { id: e.id }) })}
        onLeave={(e) => leave(e.id)}
      />
      <LinkCell title='创建企业' description='成为管理员，邀请同事加入' data-testid='enterprise-create-link' onClick={() => void Taro.navigateTo({ url: routeUrl('createEnterprise') })} />
      <LinkCell title='输入邀请码' description='用同事提供的邀请码加入企业' data-testid='enterprise-code-link' onClick={() => void Taro.navigateTo({ url: routeUrl('joinCode') })} />
    </View>
  );
}
