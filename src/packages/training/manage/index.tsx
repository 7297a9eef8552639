import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ManageHome, type ManageTab } from '../../../features/training';
import { routeUrl } from '../../../lib/routes';
import { ManagerPage } from '../manager-page';

export default function TrainingManagePage() {
  const [tab, setTab] = useState<ManageTab>((useRouter().params.tab as ManageTab) || 'courses');
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <ManagerPage testId='training-manage-page'>
      {(enterpriseId) => (
        <ManageHome
          enterpriseId={enterpriseId}
          tab={tab}
          onTab={setTab}
          onOpenCourse={(id) => go(routeUrl('trainingManageCourse', id ? { course: id } : {}))}
          onOpenQuestion={(id) => go(routeUrl('trainingManageQuestion', id ? { question: id } : {}))}
          onOpenPaper={(id) => go(routeUrl('trainingManagePaper', id ? { paper: id } : {}))}
        />
      )}
    </ManagerPage>
  );
}
