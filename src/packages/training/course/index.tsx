import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { courseOutline, CourseOutlineView, useShownLoader } from '../../../features/training';
import { routeUrl } from '../../../lib/routes';
import { LoadState } from '../../../ui/load-state';

export default function TrainingCoursePage() {
  const id = useRouter().params.id ?? '';
  const outline = useShownLoader(() => courseOutline(id), id, Boolean(id));
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
