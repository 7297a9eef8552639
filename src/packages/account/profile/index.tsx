import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useRequireSession, useSignOut } from '../../../features/auth';
import { NameEditor, ProfileCard, useMyProfile } from '../../../features/profile';
import { LinkCell } from '../../../ui/link-cell';
import './index.css';
import { routeUrl } from '../../../lib/routes';
import { FormError } from '../../../ui/form-error';
import { PendingState } from '../../../ui/load-state';
import { WideButton } from '../../../ui/wide-button';

export default function ProfilePage() {
  const status = useRequireSession();
  const { profile, loading, error, reload, setProfile } = useMyProfile(status === 'signed-in');
  const { signingOut, error: signOutError, signOut } = useSignOut();
  const firstShow = useRef(true);

  // Back from the password page: has_password changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else if (status === 'signed-in') reload();
  });

  if (!profile) {
    return (
      <View className='page'>
        <PendingState error={error} onRetry={reload} label={loading || status === 'loading' ? '加载中…' : ''} />
      </View>
    );
  }

  return (
    <View className='page profile-page'>
      <View className='card'>
        <ProfileCard profile={profile} />
      </View>
      <View className='card'>
        <NameEditor currentName={profile.display_name} onSaved={setProfile} />
      </View>
      <LinkCell
        title='设置密码'
        description='设置后可用手机号 + 密码登录'
        extra={profile.has_password ? '已设置' : '未设置'}
        data-testid='profile-set-password'
        onClick={() => void Taro.navigateTo({ url: routeUrl('password') })}
      />
      <LinkCell
        title='出生日期'
        description='查看填写状态，填错了可申请更正'
        data-testid='profile-birth-date'
        onClick={() => void Taro.navigateTo({ url: routeUrl('birthDate') })}
      />
      <LinkCell
        title='协议与隐私'
        description='查看协议、管理授权、同意记录'
        data-testid='profile-agreements'
        onClick={() => void Taro.navigateTo({ url: routeUrl('agreements') })}
      />
      <LinkCell
        title='注销账号'
        description='永久删除账号和个人信息'
        data-testid='profile-cancel-account'
        onClick={() => void Taro.navigateTo({ url: routeUrl('cancel') })}
      />
      <FormError message={signOutError} />
      <WideButton
        className='profile-page__sign-out'
        type='danger'
        fill='outline'
        busy={signingOut}
        testId='sign-out'
        onClick={signOut}
      >
        退出登录
      </WideButton>
    </View>
  );
}
