import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRequireSession } from '../../features/auth';
import { useWideScreen } from '../../lib/hooks/use-wide-screen';
import { LinkCell } from '../../ui/link-cell';
import { OpsDesk } from './ops-desk';
import { OpsSections } from './ops-sections';
import { routeUrl } from '../../lib/routes';

export default function OpsPage() {
  const status = useRequireSession();
  const wide = useWideScreen();
  if (wide) {
    return (
      <View className='page'>
        <OpsDesk enabled={status === 'signed-in'} />
      </View>
    );
  }
  return (
    <View className='page'>
      <OpsSections enabled={status === 'signed-in'} />
      <LinkCell
        title='出生日期更正审核'
        description='核对并批准或驳回用户的出生日期更正申请'
        data-testid='ops-birth-corrections-link'
        onClick={() => void Taro.navigateTo({ url: routeUrl('birthDateCorrections') })}
      />
    </View>
  );
}
