import Taro from '@tarojs/taro';
import { pathOutline, PathOutlineView } from '../../../features/training';
import { routeUrl } from '../../../lib/routes';
import { OutlinePage } from '../outline-page';

export default function TrainingPathPage() {
  return (
    <OutlinePage testId='training-path-page' stateTestId='training-path' load={pathOutline}>
      {(path) => <PathOutlineView path={path} onOpenCourse={(course) => void Taro.navigateTo({ url: routeUrl('trainingCourse', { id: course }) })} />}
    </OutlinePage>
  );
}
