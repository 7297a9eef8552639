import { Text, View } from '@tarojs/components';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { Button } from '../../../../ui/button';
import { LoadState } from '../../../../ui/load-state';
import { managedCourses } from '../../services/training-manage.service';
import { COURSE_STATUS_LABELS } from './labels';
import '../training.css';

export interface CourseAdminListProps {
  enterpriseId: string;
  onOpen(courseId: string | null): void;
}

/** 培训管理 › 课程: every course of the enterprise, drafts included, newest change first. */
export function CourseAdminList({ enterpriseId, onOpen }: CourseAdminListProps) {
  const list = useLoader(() => managedCourses(enterpriseId), enterpriseId);
  return (
    <View data-testid='manage-courses'>
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' data-testid='manage-course-new' onClick={() => onOpen(null)}>
          新建课程
        </Button>
      </View>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={list.data?.length === 0} empty='还没有课程' testId='manage-courses' />
      <View className='tr-list'>
        {list.data?.map((c) => (
          <View key={c.id} className='tr-card' role='link' data-testid={`manage-course-${c.id}`} onClick={() => onOpen(c.id)}>
            <View className='tr-card__head'>
              {c.required && <Text className='tr-tag'>必修</Text>}
              <Text className='tr-card__title'>{c.title}</Text>
            </View>
            <Text className='tr-card__meta'>
              {COURSE_STATUS_LABELS[c.status]}
              {c.category ? ` · ${c.category}` : ''} · {c.points} 积分
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
