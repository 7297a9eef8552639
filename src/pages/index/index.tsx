import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
// Direct modules, not the feature index: the admin and directory screens live in subpackages.
import { CurrentEnterpriseCard } from '../../features/enterprise/components/current-enterprise-card';
import { useEnterprises } from '../../features/enterprise/hooks/use-enterprises';
// Direct modules, not the feature index: the main package must not carry the onboarding screens.
import { useClearedMember } from '../../features/identity/hooks/use-cleared-member';
import { useGateStore } from '../../features/identity/store/gate.store';
import { useMyProfile } from '../../features/profile/hooks/use-my-profile';
import { NeedsMe, needsMeItems, TabBarSlot, useHomeTasks, useTabPage, visibleEntries } from '../../features/shell';
import { openRoute } from '../../lib/navigation/open-route';
import { routeUrl } from '../../lib/routes';
import { Button } from '../../ui/button';
import { CellGroup } from '../../ui/cell';
import { LoadState } from '../../ui/load-state';
import { NavCell } from '../../ui/nav-cell';
import './index.css';

const LOGIN_PAGE = routeUrl('login');
const ENTERPRISES_PAGE = routeUrl('myEnterprises');

/** The 首页 tab: the current enterprise, what waits for me, the modules, admin and ops entries. */
export default function HomePage() {
  const { status, cleared, gateError, retryGate } = useClearedMember(() => {
    reload();
    enterprises.reload();
    tasks.reload();
  });
  const { profile, loading, error, reload } = useMyProfile(cleared);
  const enterprises = useEnterprises(cleared);
  const current = enterprises.current;
  const tasks = useHomeTasks(cleared, current);
  const pendingAgreements = useGateStore((state) => state.status?.missing.length ?? 0);
  // useHomeTasks reads the edition and the unread count for this page and hands them to the bar.
  useTabPage('home', { signedOut: status === 'signed-out', ready: false, enterpriseId: current?.id ?? null }, false);

  if (gateError || status === 'loading' || (status === 'signed-in' && (!cleared || (loading && !profile)))) {
    return (
      <View className='page'>
        <LoadState loading error={gateError} onRetry={retryGate} testId='home' />
      </View>
    );
  }

  if (status === 'signed-out') {
    return (
      <View className='page home-page'>
        <View className='card home-welcome'>
          <Text className='page-title'>知享</Text>
          <Text className='page-subtitle'>企业学习与文化社区：知识库、培训学习、交流分享</Text>
          <Button
            className='home-welcome__action'
            type='primary'
            block
            size='large'
            role='button'
            data-testid='home-sign-in'
            onClick={() => void Taro.navigateTo({ url: LOGIN_PAGE })}
          >
            登录 / 注册
          </Button>
        </View>
        <TabBarSlot />
      </View>
    );
  }

  const name = profile?.display_name;
  const admin = current?.role === 'admin';
  const needs = needsMeItems(
    { pendingAgreements, joinRequests: admin ? tasks.joinRequests : 0, unread: tasks.unread },
    {
      agreements: () => openRoute(routeUrl('agreements')),
      joinRequests: () => current && openRoute(routeUrl('admin', { id: current.id, tab: 'requests' })),
      notices: () => openRoute(routeUrl('inbox')),
    },
  );
  return (
    <View className='page home-page'>
      <View className='card'>
        <Text className='page-title' data-testid='home-greeting'>
          {name ? `你好，${name}` : '你好，新同事'}
        </Text>
        <Text className='page-subtitle'>{name ? '欢迎回到知享' : '先去“我的”填写姓名吧'}</Text>
      </View>
      {(error || tasks.error) && (
        <View className='form-error' role='alert'>
          {error || tasks.error}
          <Text className='home-page__retry' onClick={error ? reload : tasks.reload}>
            重试
          </Text>
        </View>
      )}
      <CurrentEnterpriseCard
        current={current}
        count={enterprises.enterprises.length}
        loading={enterprises.status === 'loading' || enterprises.status === 'idle'}
        error={enterprises.error}
        onOpen={() => void Taro.navigateTo({ url: ENTERPRISES_PAGE })}
      />
      <NeedsMe items={needs} />
      {current && current.status !== 'closed' && (
        <CellGroup title='应用'>
          {visibleEntries(tasks.features).map((entry) => (
            <NavCell key={entry.key} title={entry.title} description={entry.description} data-testid={entry.testId ?? `home-entry-${entry.key}`} onClick={() => openRoute(entry.url(current.id))} />
          ))}
        </CellGroup>
      )}
      <CellGroup title='消息'>
        <NavCell
          title='消息'
          description='审批结果、协议更新等通知'
          extra={tasks.unread ? `${tasks.unread > 99 ? '99+' : tasks.unread} 条未读` : undefined}
          data-testid='home-inbox-link'
          onClick={() => openRoute(routeUrl('inbox'))}
        />
      </CellGroup>
      {(admin || tasks.operator) && (
        <CellGroup title='管理'>
          {current && admin && (
            <NavCell title='企业管理' description={`管理「${current.name}」的成员、邀请和设置`} data-testid='home-admin' onClick={() => openRoute(routeUrl('admin', { id: current.id }))} />
          )}
          {tasks.operator && <NavCell title='平台运营' description='协议、账号处置、举报、企业审核' data-testid='home-ops' onClick={() => openRoute(routeUrl('ops'))} />}
        </CellGroup>
      )}
      <TabBarSlot />
    </View>
  );
}
