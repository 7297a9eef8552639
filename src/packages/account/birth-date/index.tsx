import { View } from '@tarojs/components';
import { BirthDateSettings } from '../../../features/account-settings';
import { useRequireSession } from '../../../features/auth';

/** 我的 → 出生日期: the date's state, correction requests and their answers, a new request with evidence. */
export default function BirthDatePage() {
  const session = useRequireSession();
  return <View className='page'>{session === 'signed-in' && <BirthDateSettings />}</View>;
}
