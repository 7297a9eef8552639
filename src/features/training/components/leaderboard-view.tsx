import { Text, View } from '@tarojs/components';
import type { Leaderboard } from '../services/training.types';
import './training.css';

/** The month's points ranking and where the learner stands. */
export function LeaderboardView({ board }: { board: Leaderboard }) {
  return (
    <View className='tr-list' data-testid='leaderboard'>
      <View className='tr-card'>
        <Text className='tr-card__title'>{board.month} 积分榜</Text>
        <Text className='tr-card__meta'>
          {board.me ? `本月第 ${board.me.rank} 名，${board.me.points} 分` : '本月还没有积分'} · 累计 {board.my_total} 分
        </Text>
      </View>
      {board.rows.length === 0 && <Text className='tr-empty'>本月还没有人获得积分</Text>}
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
