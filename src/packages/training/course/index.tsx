import Taro from '@tarojs/taro';
import { courseOutline, CourseOutlineView } from '../../../features/training';
import { routeUrl } from '../../../lib/routes';
import { OutlinePage } from '../outline-page';

export default function TrainingCoursePage() {
  return (
    <OutlinePage testId='training-course-page' stateTestId='training-course' load={courseOutline}>
      {(course, id) => (
        <CourseOutlineView
          course={course}
          onOpenLesson={(lesson) => void Taro.navigateTo({ url: routeUrl('trainingLesson', { id: lesson, course: id }) })}
          onOpenExam={(paper, attempt) => void Taro.navigateTo({ url: routeUrl('trainingExam', attempt ? { paper, attempt } : { paper }) })}
        />
      )}
    </OutlinePage>
  );
}
