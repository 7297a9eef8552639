import { Text, View } from '@tarojs/components';
import type { CourseOutline } from '../services/training.types';
import './training.css';

export interface CourseOutlineViewProps {
  course: CourseOutline;
  onOpenLesson(lessonId: string): void;
  onOpenExam(paperId: string, attemptId: string | null): void;
}

const KIND: Record<string, string> = { text: '图文', video: '视频', document: '文档' };
const minutes = (s: number | null) => (s ? `${Math.ceil(s / 60)}分钟` : '');

/** A course: chapters and lessons with the learner's progress, then its exams. */
export function CourseOutlineView({ course, onOpenLesson, onOpenExam }: CourseOutlineViewProps) {
  const lessons = course.chapters.flatMap((c) => c.lessons);
  const done = lessons.filter((l) => l.completed).length;
  return (
    <View className='tr-list' data-testid='course-outline'>
      <View className='tr-card'>
        <View className='tr-card__head'>
          {course.required && <Text className='tr-tag'>必修</Text>}
          <Text className='tr-card__title'>{course.title}</Text>
        </View>
        {course.summary && <Text className='tr-card__meta'>{course.summary}</Text>}
        <Text className='tr-card__meta'>
          已学 {done}/{lessons.length} 课时{course.completed_at ? ' · 已完成' : ''}
        </Text>
      </View>
      {course.chapters.map((ch) => (
        <View key={ch.id} className='tr-card'>
          <Text className='tr-card__title'>{ch.title}</Text>
          {ch.lessons.map((l) => (
            <View key={l.id} className='tr-option' role='link' data-testid={`lesson-${l.id}`} onClick={() => onOpenLesson(l.id)}>
              <Text className='tr-tag'>{KIND[l.kind]}</Text>
              <Text>{l.title}</Text>
              <Text className='tr-card__meta'>{l.completed ? '已完成' : minutes(l.video_seconds)}</Text>
            </View>
          ))}
        </View>
      ))}
      {course.papers.map((p) => {
        const left = p.attempt_limit === null ? null : p.attempt_limit - p.attempts_used;
        const can = p.open_attempt_id !== null || left === null || left > 0;
        return (
          <View key={p.id} className='tr-card' data-testid={`paper-${p.id}`}>
            <Text className='tr-card__title'>{p.title}</Text>
            <Text className='tr-card__meta'>
              {p.duration_minutes}分钟 · 满分{p.total_score} · {p.pass_score}分及格{left !== null ? ` · 剩余${Math.max(0, left)}次` : ''}
              {p.passed ? ' · 已通过' : ''}
            </Text>
            {can && (
              <View className='tr-option tr-option--chosen' role='button' onClick={() => onOpenExam(p.id, p.open_attempt_id)}>
                <Text>{p.open_attempt_id ? '继续考试' : '开始考试'}</Text>
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
