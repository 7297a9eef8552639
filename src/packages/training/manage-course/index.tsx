import Taro, { useRouter } from '@tarojs/taro';
import { CourseEditor } from '../../../features/training';
import { routeUrl } from '../../../lib/routes';
import { ManagerPage } from '../manager-page';

export default function TrainingManageCoursePage() {
  const id = useRouter().params.course ?? null;
  return (
    <ManagerPage testId='training-manage-course-page'>
      {(enterpriseId, generation) => (
        <CourseEditor
          key={generation}
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
