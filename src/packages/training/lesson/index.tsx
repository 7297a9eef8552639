import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { courseOutline, lesson as loadLesson, LessonReader, mediaUrl } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';

export default function TrainingLessonPage() {
  const { id = '', course = '' } = useRouter().params;
  const data = useLoader(async () => {
    const [l, outline] = await Promise.all([loadLesson(id), courseOutline(course)]);
    const mine = outline.chapters.flatMap((c) => c.lessons).find((x) => x.id === id);
    const videoUrl = l.kind === 'video' && l.video_path ? await mediaUrl(l.video_path) : null;
    return { lesson: l, progress: mine ?? { position_seconds: 0, completed: false }, videoUrl, limitSeeking: outline.limit_seeking !== false };
  }, `${id}:${course}`, Boolean(id && course));
  const onCompleted = useCallback((courseDone: boolean) => {
    if (courseDone) void Taro.showToast({ title: '课程已完成', icon: 'success' });
  }, []);
  return (
    <View className='page' data-testid='training-lesson-page'>
      <LoadState loading={data.loading} error={data.error} onRetry={data.reload} testId='training-lesson' />
      {data.data && <LessonReader lesson={data.data.lesson} progress={data.data.progress} videoUrl={data.data.videoUrl} limitSeeking={data.data.limitSeeking} onCompleted={onCompleted} />}
      {!id && <Text role='alert'>课时不存在</Text>}
    </View>
  );
}
