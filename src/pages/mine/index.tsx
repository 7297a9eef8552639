import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SignOutButton } from '../../features/auth';
// Direct modules, not the feature indexes: this tab page is in the main package.
import { useEnterprises } from '../../features/enterprise/hooks/use-enterprises';
import { useClearedMember } from '../../features/identity/hooks/use-cleared-member';
import { ProfileCard, useMyProfile } from '../../features/profile';
import { TabBarSlot, useTabPage } from '../../features/shell';
import { openRoute } from '../../lib/navigation/open-route';
import { routeUrl, type RouteName } from '../../lib/routes';
import { Button } from '../../ui/button';
import { CellGroup } from '../../ui/cell';
import { LoadState } from '../../ui/load-state';
import { NavCell } from '../../ui/nav-cell';
import './index.css';

/**
 * Slot for the notification settings page (wt-notify adds the route): set this to its route name
 * and the 通知设置 row appears.
 */
const NOTIFICATION_SETTINGS_ROUTE: RouteName | null = 'notificationSettings';

const go = (url: string) => () => openRoute(url);

/** The 我的 tab: who I am, my enterprises, agreements and privacy, security. Thin: main package. */
export default function MinePage() {
  const { status, cleared, gateError, retryGate } = useClearedMember(() => {
    reload();
    enterprises.reload();
  });
  const { profile, error, reload } = useMyProfile(cleared);
  const enterprises = useEnterprises(cleared);
  const current = enterprises.current;
  const settled = enterprises.status === 'ready' || enterprises.status === 'error';
  useTabPage('mine', { signedOut: status === 'signed-out', ready: cleared && settled, enterpriseId: current?.id ?? null });

  if (status === 'signed-out') {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='page-title'>我的</Text>
          <Text className='page-subtitle'>登录后查看个人资料和企业</Text>
          <Button className='mine-page__action' type='primary' block size='large' data-testid='mine-sign-in' onClick={() => void Taro.navigateTo({ url: routeUrl('login') })}>
            登录 / 注册
          </Button>
        </View>
        <TabBarSlot />
      </View>
    );
  }

  if (gateError || !cleared || !profile) {
    return (
      <View className='page'>
        <LoadState loading error={gateError || (cleared ? error : '')} onRetry={gateError ? retryGate : reload} testId='mine' />
      </View>
    );
  }

  return (
    <View className='page mine-page' data-testid='mine-page'>
      <View className='card' onClick={go(routeUrl('profile'))}>
        <ProfileCard profile={profile} />
      </View>
      <CellGroup title='企业'>
        <NavCell
          title='我的企业'
          description={current ? `当前：${current.name}` : '创建企业，或输入邀请码加入'}
          extra={enterprises.enterprises.length ? `${enterprises.enterprises.length} 个` : undefined}
          data-testid='mine-enterprises'
          onClick={go(routeUrl('myEnterprises'))}
        />
        {current && (
          <NavCell title='我的名片' description={`在「${current.name}」的名片`} data-testid='mine-card' onClick={go(routeUrl('card', { id: current.id }))} />
        )}
      </CellGroup>
      <CellGroup title='账号与安全'>
        <NavCell title='我的资料' description='姓名、手机号、出生日期' data-testid='mine-profile' onClick={go(routeUrl('profile'))} />
        <NavCell title='设置密码' extra={profile.has_password ? '已设置' : '未设置'} data-testid='mine-password' onClick={go(routeUrl('password'))} />
        <NavCell title='协议与隐私' description='查看协议、管理授权、同意记录' data-testid='mine-agreements' onClick={go(routeUrl('agreements'))} />
        {NOTIFICATION_SETTINGS_ROUTE && (
          <NavCell title='通知设置' description='选择接收通知的方式' data-testid='mine-notification-settings' onClick={go(routeUrl(NOTIFICATION_SETTINGS_ROUTE))} />
        )}
        <NavCell title='注销账号' description='永久删除账号和个人信息' data-testid='mine-cancel-account' onClick={go(routeUrl('cancel'))} />
      </CellGroup>
      <SignOutButton className='mine-page__action' testId='mine-sign-out' />
      <TabBarSlot />
    </View>
  );
}
