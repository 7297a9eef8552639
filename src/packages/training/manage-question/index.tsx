import Taro, { useRouter } from '@tarojs/taro';
import { question, QuestionForm } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';
import { ManagerPage } from '../manager-page';

export default function TrainingManageQuestionPage() {
  const id = useRouter().params.question ?? '';
  const existing = useLoader(() => question(id), id, Boolean(id));
  return (
    <ManagerPage testId='training-manage-question-page'>
      {(enterpriseId) =>
        id && !existing.data ? (
          <LoadState loading={existing.loading} error={existing.error} onRetry={existing.reload} testId='manage-question' />
        ) : (
          <QuestionForm enterpriseId={enterpriseId} question={existing.data} onSaved={() => void Taro.navigateBack()} />
        )
      }
    </ManagerPage>
  );
}
