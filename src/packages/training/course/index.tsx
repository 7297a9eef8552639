import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { courseOutline, CourseOutlineView } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { routeUrl } from '../../../lib/routes';
import { LoadState } from '../../../ui/load-state';

export default function TrainingCoursePage() {
  const id = useRouter().params.id ?? '';
  const outline = useLoader(() => courseOutline(id), id, Boolean(id));
  const first = useRef(true);
  // back from a lesson or an exam: show the new progress
  useDidShow(() => {
    if (first.current) first.current = false;
    else outline.reload();
  });
  return (
    <View className='page' data-testid='training-course-page'>
      <LoadState loading={outline.loading && !outline.data} error={outline.error} onRetry={outline.reload} testId='training-course' />
      {outline.data && (
        <CourseOutlineView
          course={outline.data}
          onOpenLesson={(lesson) => void Taro.navigateTo({ url: routeUrl('trainingLesson', { id: lesson, course: id }) })}
          onOpenExam={(paper, attempt) => void Taro.navigateTo({ url: routeUrl('trainingExam', attempt ? { paper, attempt } : { paper }) })}
        />
      )}
    </View>
  );
}
