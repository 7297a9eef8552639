import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { useRequireSession } from '../../../features/auth';
import { InvitationLanding, clearPendingInvite, rememberPendingInvite, useEnterpriseStore } from '../../../features/enterprise';
import { LinkCell } from '../../../ui/link-cell';
import { routeUrl } from '../../../lib/routes';

/** `?code=XXXXXXXX` (link / QR) or `?scene=XXXXXXXX` (mini-program code). */
export default function JoinPage() {
  const status = useRequireSession();
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? params.scene ?? '').toUpperCase();
  const load = useEnterpriseStore((s) => s.load);

  // Signed out: the sign-in page (and onboarding, for a new member) comes back here afterwards.
  // Signed in: this invitation has been reached; nothing is pending any more.
  useEffect(() => {
    if (status === 'signed-out' && code) rememberPendingInvite(code);
    else if (status === 'signed-in') clearPendingInvite();
  }, [status, code]);

  return (
    <View className='page' data-testid='join-page'>
      <InvitationLanding code={code} enabled={status === 'signed-in'} onJoined={() => void load()} />
      <LinkCell title='我的企业' description='查看和切换已加入的企业' data-testid='join-my-enterprises' onClick={() => void Taro.redirectTo({ url: routeUrl('myEnterprises') })} />
    </View>
  );
}
