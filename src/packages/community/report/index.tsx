import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ReportForm } from '../../../features/community';

export default function CommunityReportPage() {
  const params = useRouter().params ?? {};
  const type = params.type === 'comment' ? 'comment' : 'post';
  return (
    <View className='page' data-testid='community-report-page'>
      <ReportForm targetType={type} targetId={params.id ?? ''}
        onDone={(hidden) => {
          void Taro.showToast({ title: hidden ? '感谢举报，内容已暂时隐藏' : '感谢举报，我们会尽快处理', icon: 'none' });
          void Taro.navigateBack();
        }} />
    </View>
  );
}
