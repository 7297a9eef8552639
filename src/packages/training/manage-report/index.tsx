import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CourseReportView, managedCourse } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { ManagerPage } from '../manager-page';

export default function TrainingReportPage() {
  const course = useRouter().params.course ?? '';
  const c = useLoader(() => managedCourse(course), course, Boolean(course));
  return (
    <ManagerPage testId='training-report-page'>
      {() => (
        <>
          <Text className='page-subtitle'>{c.data?.title ?? ''} · 学习报表</Text>
          <CourseReportView courseId={course} title={c.data?.title ?? ''} />
        </>
      )}
    </ManagerPage>
  );
}
