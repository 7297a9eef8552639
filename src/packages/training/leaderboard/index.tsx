import { View } from '@tarojs/components';
// Deep import named in eslint.config.mjs: enterprise's index would bring its admin screens here.
import { useEnterprisePage } from '../../../features/enterprise/hooks/use-enterprise-page';
import { leaderboard, LeaderboardView } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';

export default function TrainingLeaderboardPage() {
  const page = useEnterprisePage();
  const ent = page.enterprise?.id ?? '';
  const board = useLoader(() => leaderboard(ent), ent, Boolean(ent));
  return (
    <View className='page' data-testid='training-leaderboard-page'>
      <LoadState loading={board.loading || !page.settled} error={board.error || page.error} onRetry={board.reload} testId='training-leaderboard' />
      {board.data && <LeaderboardView board={board.data} />}
    </View>
  );
}
