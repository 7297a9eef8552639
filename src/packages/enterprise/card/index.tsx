import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { PageWithoutEnterprise } from '../../../ui/load-state';
import { MemberCardForm, useEnterprisePage } from '../../../features/enterprise';

/** 我的名片, or with `?user=` an admin editing a member's card (opened from 成员管理). */
export default function MemberCardPage() {
  const page = useEnterprisePage();
  const userId = page.params.user || page.selfId;
  const own = userId === page.selfId;
  useEffect(() => {
    if (!own) void Taro.setNavigationBarTitle({ title: '成员名片' });
  }, [own]);

  if (!page.enterprise) return <PageWithoutEnterprise page={page} testId='member-card-page' />;
  const isAdmin = page.enterprise.role === 'admin';
  if (!own && !isAdmin) {
    // The database refuses it anyway; say so before anyone types.
    return (
      <View className='state' role='alert' data-testid='member-card-denied'>
        <Text className='page-subtitle'>仅企业管理员可以修改他人的资料。</Text>
      </View>
    );
  }
  return (
    <View className='page' data-testid='member-card-page'>
      <Text className='page-subtitle' data-testid='member-card-enterprise'>
        {page.enterprise.name} · {own ? '我的名片' : '成员名片'}
      </Text>
      <MemberCardForm key={`${page.enterprise.id}:${userId}`} enterpriseId={page.enterprise.id} userId={userId} own={own} canSetEmployeeNo={isAdmin} />
    </View>
  );
}
