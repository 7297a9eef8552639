import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ExamRunner, useExam } from '../../../features/training';
import { Button } from '../../../ui/button';
import { Loading } from '../../../ui/loading';

export default function TrainingExamPage() {
  const { paper = '', attempt } = useRouter().params;
  const exam = useExam(paper, attempt);
  if (!exam.view) {
    return (
      <View className='page'>
        {exam.error ? (
          <View className='state'>
            <Text role='alert'>{exam.error}</Text>
            <Button className='state__action' size='small' onClick={() => void exam.reload()}>
              重试
            </Button>
          </View>
        ) : (
          <View className='state' aria-busy>
            <Loading type='circular'>加载中…</Loading>
          </View>
        )}
      </View>
    );
  }
  return (
    <View className='page' data-testid='training-exam-page'>
      <ExamRunner exam={exam} />
    </View>
  );
}
