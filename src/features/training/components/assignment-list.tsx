import { Image, Text, View } from '@tarojs/components';
import type { Assignment } from '../services/training.types';
import './training.css';

export interface AssignmentListProps {
  assignments: Assignment[];
  onOpen(courseId: string): void;
  /** signed links of the courses' covers, by cover path (a card without one shows no picture) */
  covers?: Record<string, string>;
}

const shanghaiDay = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

/** 我的学习任务: deadlines first, finished ones last (the server orders them). */
export function AssignmentList({ assignments, onOpen, covers = {} }: AssignmentListProps) {
  if (assignments.length === 0) return <Text className='tr-empty'>暂无学习任务</Text>;
  return (
    <View className='tr-list'>
      {assignments.map((a) => {
        const status = a.completed_at ? '已完成' : a.overdue ? '已逾期' : a.due_at ? `${shanghaiDay(a.due_at)}截止` : '无截止时间';
        return (
          <View key={a.course_id} className='tr-card' role='link' data-testid={`assignment-${a.course_id}`} onClick={() => onOpen(a.course_id)}>
            {a.cover_path && covers[a.cover_path] && (
              <Image className='tr-card__cover' src={covers[a.cover_path]} mode='aspectFill' aria-label={`${a.title} 封面`} data-testid={`assignment-cover-${a.course_id}`} />
            )}
            <View className='tr-card__head'>
              {a.required && <Text className='tr-tag'>必修</Text>}
              <Text className='tr-card__title'>{a.title}</Text>
            </View>
            <Text className='tr-card__meta'>
              已学 {a.lessons_done}/{a.lessons_total} 课时 ·{' '}
              <Text className={a.overdue && !a.completed_at ? 'tr-result__fail' : ''}>{status}</Text>
            </Text>
          </View>
        );
      })}
    </View>
  );
}
