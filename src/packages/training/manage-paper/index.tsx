import Taro, { useRouter } from '@tarojs/taro';
import { managedPaper, PaperForm } from '../../../features/training';
import { ManagerItemPage } from '../manager-page';

export default function TrainingManagePaperPage() {
  const { paper: id = '', course = '' } = useRouter().params;
  return (
    <ManagerItemPage testId='training-manage-paper-page' stateTestId='manage-paper' id={id} load={managedPaper}>
      {(enterpriseId, paper) => <PaperForm enterpriseId={enterpriseId} paper={paper} courseId={course || null} onSaved={() => void Taro.navigateBack()} />}
    </ManagerItemPage>
  );
}
