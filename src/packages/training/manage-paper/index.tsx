import Taro, { useRouter } from '@tarojs/taro';
import { managedPaper, PaperForm } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';
import { ManagerPage } from '../manager-page';

export default function TrainingManagePaperPage() {
  const { paper: id = '', course = '' } = useRouter().params;
  const existing = useLoader(() => managedPaper(id), id, Boolean(id));
  return (
    <ManagerPage testId='training-manage-paper-page'>
      {(enterpriseId) =>
        id && !existing.data ? (
          <LoadState loading={existing.loading} error={existing.error} onRetry={existing.reload} testId='manage-paper' />
        ) : (
          <PaperForm enterpriseId={enterpriseId} paper={existing.data} courseId={course || null} onSaved={() => void Taro.navigateBack()} />
        )
      }
    </ManagerPage>
  );
}
