import { View } from '@tarojs/components';
import { EscalationQueue } from '../../../features/community';

/** Platform operators: community cases escalated by enterprises (the server refuses anyone else). */
export default function CommunityEscalationsPage() {
  return (
    <View className='page' data-testid='community-escalations-page'>
      <EscalationQueue />
    </View>
  );
}
