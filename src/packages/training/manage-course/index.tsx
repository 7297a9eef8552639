import Taro, { useRouter } from '@tarojs/taro';
// Deep import named in eslint.config.mjs: the course editor carries the shared rich-text editor,
// which only this page of the training subpackage needs.
import { CourseEditor } from '../../../features/training/components/manage/course-editor';
import { routeUrl } from '../../../lib/routes';
import { ManagerPage } from '../manager-page';

export default function TrainingManageCoursePage() {
  const id = useRouter().params.course ?? null;
  return (
    <ManagerPage testId='training-manage-course-page'>
      {(enterpriseId) => (
        <CourseEditor
          enterpriseId={enterpriseId}
          courseId={id}
          onCreated={(courseId) => void Taro.redirectTo({ url: routeUrl('trainingManageCourse', { course: courseId }) })}
          onOpenPaper={(paperId, course) => void Taro.navigateTo({ url: routeUrl('trainingManagePaper', paperId ? { paper: paperId } : { course }) })}
          onOpenReport={(course) => void Taro.navigateTo({ url: routeUrl('trainingReport', { course }) })}
        />
      )}
    </ManagerPage>
  );
}
