import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useSessionStore } from '../../features/auth';
// Direct modules, not the feature index: the admin and directory screens live in subpackages.
import { CurrentEnterpriseCard } from '../../features/enterprise/components/current-enterprise-card';
import { useEnterprises } from '../../features/enterprise/hooks/use-enterprises';
// Direct modules, not the feature index: the main package must not carry the onboarding screens.
import { checkGate } from '../../features/identity/services/gate-router';
import { useGateStore } from '../../features/identity/store/gate.store';
import { useUnreadCount } from '../../features/notifications/hooks/use-unread-count';
import { useMyProfile } from '../../features/profile';
import { Button } from '../../ui/button';
import { LinkCell } from '../../ui/link-cell';
import { Loading } from '../../ui/loading';
import './index.css';
import { routeUrl } from '../../lib/routes';

const PROFILE_PAGE = routeUrl('profile');
const LOGIN_PAGE = routeUrl('login');
const ENTERPRISES_PAGE = routeUrl('myEnterprises');
const INBOX_PAGE = routeUrl('inbox');
const TRAINING_PAGE = routeUrl('training');
const KB_PAGE = routeUrl('kb');
const COMMUNITY_PAGE = routeUrl('community');

export default function HomePage() {
  const status = useSessionStore((state) => state.status);
  const gate = useGateStore((state) => state.state);
  const gateError = useGateStore((state) => state.error);
  const wasCleared = useGateStore((state) => state.status?.cleared === true);
  // While re-checking, keep showing what a cleared member saw (no flicker on every return).
  const cleared = status === 'signed-in' && (gate === 'cleared' || (gate === 'checking' && wasCleared));
  const { profile, loading, error, reload } = useMyProfile(cleared);
  const enterprises = useEnterprises(cleared);
  const unread = useUnreadCount(cleared, 'home');
  const firstShow = useRef(true);

  // Nothing of the product shows before the server says this member is cleared (consents,
  // birth date, guardian); an uncleared member is sent to onboarding by checkGate.
  useEffect(() => {
    if (status === 'signed-in' && gate === 'unknown') void checkGate();
  }, [status, gate]);

  // Every return to home asks again (a new agreement version may be out); and shows the edited name.
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (status !== 'signed-in') return;
    void checkGate();
    reload();
    enterprises.reload();
    unread.reload();
  });

  if (status === 'signed-in' && gate === 'error') {
    return (
      <View className='page'>
        <View className='state'>
          <Text role='alert'>{gateError}</Text>
          <Button className='state__action' size='small' onClick={() => void checkGate()}>
            重试
          </Button>
        </View>
      </View>
    );
  }

  if (status === 'loading' || (status === 'signed-in' && (!cleared || (loading && !profile)))) {
    return (
      <View className='page'>
        <View className='state' aria-busy>
          <Loading type='circular'>加载中…</Loading>
        </View>
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
      </View>
    );
  }

  const name = profile?.display_name;
  return (
    <View className='page home-page'>
      <View className='card'>
        <Text className='page-title' data-testid='home-greeting'>
          {name ? `你好，${name}` : '你好，新同事'}
        </Text>
        <Text className='page-subtitle'>{name ? '欢迎回到知享' : '先去“我的资料”填写姓名吧'}</Text>
      </View>
      {error && (
        <View className='form-error' role='alert'>
          {error}
          <Text className='home-page__retry' onClick={reload}>
            重试
          </Text>
        </View>
      )}
      <CurrentEnterpriseCard
        current={enterprises.current}
        count={enterprises.enterprises.length}
        loading={enterprises.status === 'loading' || enterprises.status === 'idle'}
        error={enterprises.error}
        onOpen={() => void Taro.navigateTo({ url: ENTERPRISES_PAGE })}
      />
      {enterprises.current && (
        <LinkCell
          title='学习'
          description='学习任务、考试、证书与积分'
          data-testid='home-training-link'
          onClick={() => void Taro.navigateTo({ url: TRAINING_PAGE })}
        />
      )}
      <LinkCell
        title='消息'
        description='审批结果、协议更新等通知'
        extra={unread.count ? `${unread.count > 99 ? '99+' : unread.count} 条未读` : undefined}
        data-testid='home-inbox-link'
        onClick={() => void Taro.navigateTo({ url: INBOX_PAGE })}
      />
      {enterprises.current ? (
        <LinkCell
          title='知识库'
          description='员工手册、入职指南、产品文档，一两个字也能搜'
          data-testid='home-kb-link'
          onClick={() => void Taro.navigateTo({ url: KB_PAGE })}
        />
      ) : null}
      {enterprises.current ? (
        <LinkCell
          title='社区'
          description='同事们的分享、提问与讨论'
          data-testid='home-community-link'
          onClick={() => void Taro.navigateTo({ url: COMMUNITY_PAGE })}
        />
      ) : null}
      <LinkCell
        title='我的资料'
        description='姓名、手机号、密码'
        data-testid='home-profile-link'
        onClick={() => void Taro.navigateTo({ url: PROFILE_PAGE })}
      />
    </View>
  );
}
