import { Text, View } from '@tarojs/components';
import type { PathOutline } from '../services/training.types';
import './training.css';

/** A learning path for its learner: the courses in order, which are done, and the next one to take. */
export function PathOutlineView({ path, onOpenCourse }: { path: PathOutline; onOpenCourse(courseId: string): void }) {
  const done = path.courses.filter((c) => c.completed).length;
  return (
    <View className='tr-list' data-testid='path-outline'>
      <View className='tr-card'>
        <Text className='tr-card__title'>{path.title}</Text>
        {path.summary && <Text className='tr-card__meta'>{path.summary}</Text>}
        <Text className='tr-card__meta' data-testid='path-progress'>
          {path.courses.length === 0 ? '路径里还没有已发布的课程' : `已完成 ${done}/${path.courses.length} 门${done === path.courses.length ? ' · 全部完成' : ''}`}
        </Text>
      </View>
      {path.courses.map((c, i) => {
        const next = c.course_id === path.next_course_id;
        return (
          <View key={c.course_id} className={`tr-option ${next ? 'tr-option--chosen' : ''}`} role='link' data-testid={`path-course-${c.course_id}`}
            aria-label={`第 ${i + 1} 门 ${c.title}`} onClick={() => onOpenCourse(c.course_id)}>
            <Text className='tr-option__letter'>{i + 1}</Text>
            <Text>{c.title}</Text>
            <Text className='tr-card__meta'>{c.completed ? '已完成' : next ? '下一门' : c.required ? '必修' : '选修'}</Text>
          </View>
        );
      })}
    </View>
  );
}
