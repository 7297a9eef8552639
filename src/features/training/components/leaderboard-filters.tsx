import { View } from '@tarojs/components';
import { useLoader } from '../../../lib/hooks/use-loader';
import { ChoiceChips } from '../../../ui/choice-chips';
import { departments } from '../services/training-manage.service';
import './training.css';

export interface LeaderboardScope {
  /** the month's first day (YYYY-MM-01, Shanghai calendar) */
  month: string;
  /** '' = the whole enterprise; else a department (with its sub-departments) */
  departmentId: string;
}

/** This month and the two before it, in the Shanghai calendar (the server's month boundaries). */
export function recentMonths(now = Date.now()): Array<{ value: string; label: string }> {
  const shanghai = new Date(now + 8 * 3600 * 1000);
  return [0, 1, 2].map((back) => {
    const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - back, 1));
    const value = d.toISOString().slice(0, 10);
    return { value, label: back === 0 ? '本月' : `${d.getUTCMonth() + 1} 月` };
  });
}

/** Which month and which part of the enterprise the points ranking covers. */
export function LeaderboardFilters({ enterpriseId, scope, onChange }: { enterpriseId: string; scope: LeaderboardScope; onChange(s: LeaderboardScope): void }) {
  const tree = useLoader(() => departments(enterpriseId), enterpriseId);
  const units = [{ value: '', label: '全企业' }, ...(tree.data ?? []).map((d) => ({ value: d.id, label: `${'　'.repeat(Math.max(0, d.depth - 1))}${d.name}` }))];
  return (
    <View data-testid='leaderboard-filters'>
      <ChoiceChips label='月份' options={recentMonths()} value={scope.month} onChange={(month) => onChange({ ...scope, month })} testId='leaderboard-month' />
      {units.length > 1 && (
        <ChoiceChips label='范围' options={units} value={scope.departmentId} onChange={(departmentId) => onChange({ ...scope, departmentId })} testId='leaderboard-department' />
      )}
    </View>
  );
}
