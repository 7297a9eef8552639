import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ComponentType } from 'react';
import { LoginForm, useSessionStore, type LocalCodeHintProps } from '../../features/auth';
import './index.css';

const HOME_PAGE = '/pages/index/index';

// A constant condition after Taro inlines the env: webpack drops the require (and the whole
// local-dev feature) from builds where TARO_APP_LOCAL_STACK is not 'true'.
const LocalCodeHint: ComponentType<LocalCodeHintProps> | null =
  process.env.TARO_APP_LOCAL_STACK === 'true'
    ? (require('../../features/local-dev') as typeof import('../../features/local-dev')).LocalSmsHint
    : null;

export default function LoginPage() {
  const status = useSessionStore((state) => state.status);
  const lastPhone = useSessionStore((state) => state.lastPhone);
  const rememberPhone = useSessionStore((state) => state.rememberPhone);

  useEffect(() => {
    if (status === 'signed-in') void Taro.reLaunch({ url: HOME_PAGE });
  }, [status]);

  const handleSignedIn = (phone: string) => {
    rememberPhone(phone.replace(/^\+86/, ''));
    void Taro.reLaunch({ url: HOME_PAGE });
  };

  return (
    <View className='page login-page'>
      <View className='login-page__header'>
        <Text className='page-title'>欢迎来到知享</Text>
        <Text className='page-subtitle'>企业学习与文化社区</Text>
      </View>
      <View className='card'>
        <LoginForm initialPhone={lastPhone} onSignedIn={handleSignedIn} localCodeHint={LocalCodeHint} />
      </View>
    </View>
  );
}
