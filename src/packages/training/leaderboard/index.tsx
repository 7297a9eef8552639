import { View } from '@tarojs/components';
import { useState } from 'react';
// Deep import named in eslint.config.mjs: enterprise's index would bring its admin screens here.
import { useEnterprisePage } from '../../../features/enterprise/hooks/use-enterprise-page';
import { leaderboard, LeaderboardFilters, LeaderboardView, recentMonths, type LeaderboardScope } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';

/** 积分排行: a month (this one or the two before) of the whole enterprise or one department. */
export default function TrainingLeaderboardPage() {
  const page = useEnterprisePage();
  const ent = page.enterprise?.id ?? '';
  const [scope, setScope] = useState<LeaderboardScope>(() => ({ month: recentMonths()[0].value, departmentId: '' }));
  const board = useLoader(() => leaderboard(ent, scope.month, scope.departmentId || undefined), `${ent}:${scope.month}:${scope.departmentId}`, Boolean(ent));
  return (
    <View className='page' data-testid='training-leaderboard-page'>
      {ent && <LeaderboardFilters enterpriseId={ent} scope={scope} onChange={setScope} />}
      <LoadState loading={board.loading || !page.settled} error={board.error || page.error} onRetry={board.reload} testId='training-leaderboard' />
      {board.data && <LeaderboardView board={board.data} current={scope.month === recentMonths()[0].value} />}
    </View>
  );
}
