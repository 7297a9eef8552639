import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useSessionStore } from '../../features/auth';
import { useMyProfile } from '../../features/profile';
import { Button } from '../../ui/button';
import { LinkCell } from '../../ui/link-cell';
import { Loading } from '../../ui/loading';
import './index.css';

const PROFILE_PAGE = '/packages/account/profile/index';
const LOGIN_PAGE = '/pages/login/index';

export default function HomePage() {
  const status = useSessionStore((state) => state.status);
  const { profile, loading, error, reload } = useMyProfile(status === 'signed-in');
  const firstShow = useRef(true);

  // Coming back from the profile page: show the edited name.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else if (status === 'signed-in') reload();
  });

  if (status === 'loading' || (status === 'signed-in' && loading && !profile)) {
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
      <LinkCell
        title='我的资料'
        description='姓名、手机号、密码'
        data-testid='home-profile-link'
        onClick={() => void Taro.navigateTo({ url: PROFILE_PAGE })}
      />
    </View>
  );
}
