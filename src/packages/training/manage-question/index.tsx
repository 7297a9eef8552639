import Taro, { useRouter } from '@tarojs/taro';
import { question, QuestionForm } from '../../../features/training';
import { ManagerItemPage } from '../manager-page';

export default function TrainingManageQuestionPage() {
  const id = useRouter().params.question ?? '';
  return (
    <ManagerItemPage testId='training-manage-question-page' stateTestId='manage-question' id={id} load={question}>
      {(enterpriseId, existing) => <QuestionForm enterpriseId={enterpriseId} question={existing} onSaved={() => void Taro.navigateBack()} />}
    </ManagerItemPage>
  );
}
