import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { pathOutline, PathOutlineView, useShownLoader } from '../../../features/training';
import { routeUrl } from '../../../lib/routes';
import { LoadState } from '../../../ui/load-state';

export default function TrainingPathPage() {
  const id = useRouter().params.id ?? '';
  const outline = useShownLoader(() => pathOutline(id), id, Boolean(id));
  return (
    <View className='page' data-testid='training-path-page'>
      <LoadState loading={outline.loading && !outline.data} error={outline.error} onRetry={outline.reload} testId='training-path' />
      {outline.data && <PathOutlineView path={outline.data} onOpenCourse={(course) => void Taro.navigateTo({ url: routeUrl('trainingCourse', { id: course }) })} />}
    </View>
  );
}
