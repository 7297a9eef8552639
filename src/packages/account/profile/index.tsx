import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { SignOutButton, useRequireSession } from '../../../features/auth';
import { NameEditor, ProfileCard, useMyProfile } from '../../../features/profile';
import { LinkCell } from '../../../ui/link-cell';
import './index.css';
import { routeUrl, type RouteName } from '../../../lib/routes';
import { PendingState } from '../../../ui/load-state';

/** The account pages 我的资料 links to (设置密码 is drawn apart: it shows whether a password is set). */
const LINKS: { title: string; description: string; testId: string; route: RouteName }[] = [
  { title: '出生日期', description: '查看填写状态，填错了可申请更正', testId: 'profile-birth-date', route: 'birthDate' },
  { title: '协议与隐私', description: '查看协议、管理授权、同意记录', testId: 'profile-agreements', route: 'agreements' },
  { title: '注销账号', description: '永久删除账号和个人信息', testId: 'profile-cancel-account', route: 'cancel' },
];

const open = (route: RouteName) => () => void Taro.navigateTo({ url: routeUrl(route) });

export default function ProfilePage() {
  const status = useRequireSession();
  const { profile, loading, error, reload, setProfile } = useMyProfile(status === 'signed-in');
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
        onClick={open('password')}
      />
      {LINKS.map((link) => (
        <LinkCell key={link.route} title={link.title} description={link.description} data-testid={link.testId} onClick={open(link.route)} />
      ))}
      <SignOutButton className='profile-page__sign-out' testId='sign-out' />
    </View>
  );
}
