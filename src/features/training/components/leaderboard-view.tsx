import { Text, View } from '@tarojs/components';
import type { Leaderboard } from '../services/training.types';
import './training.css';

/** The month's points ranking and where the learner stands (`current`: the month is this one). */
export function LeaderboardView({ board, current = true }: { board: Leaderboard; current?: boolean }) {
  const month = current ? '本月' : `${board.month.slice(5).replace(/^0/, '')} 月`;
  return (
    <View className='tr-list' data-testid='leaderboard'>
      <View className='tr-card'>
        <Text className='tr-card__title'>{board.month} 积分榜</Text>
        <Text className='tr-card__meta'>
          {board.me ? `${month}第 ${board.me.rank} 名，${board.me.points} 分` : `${month}还没有积分`} · 累计 {board.my_total} 分
        </Text>
      </View>
      {board.rows.length === 0 && <Text className='tr-empty'>{month}还没有人获得积分</Text>}
      {board.rows.map((r) => (
        <View key={r.user_id} className='tr-option'>
          <Text className='tr-option__letter'>{r.rank}</Text>
          <Text>{r.name}</Text>
          <Text className='tr-card__meta'>{r.points} 分</Text>
        </View>
      ))}
    </View>
  );
}
