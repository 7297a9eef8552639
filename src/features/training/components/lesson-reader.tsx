import { Text, Video, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
// the renderer alone (the rich-text index would bring the editor to every page that shows a lesson)
import { textToDelta } from '../../../ui/rich-text/delta';
import { DeltaView } from '../../../ui/rich-text/delta-view';
import { useSignedMedia } from '../../../ui/rich-text/use-signed-media';
import { Button } from '../../../ui/button';
import { messageOf } from '../../../lib/errors/app-error';
import { openDocumentUrl } from '../../../platform/open-document';
import { useVideoProgress } from '../hooks/use-video-progress';
import { lessonImageUrl, LESSON_IMAGE_PREFIX, mediaUrl, reportProgress } from '../services/training.service';
import type { Lesson, OutlineLesson } from '../services/training.types';
import './training.css';

export interface LessonReaderProps {
  lesson: Lesson;
  /** the learner's progress from the course outline */
  progress: Pick<OutlineLesson, 'position_seconds' | 'completed'>;
  videoUrl: string | null;
  /** the course's rule: no seeking past the furthest point watched */
  limitSeeking: boolean;
  onCompleted(courseCompleted: boolean): void;
  /** signs a `training/…` image of the body (the real signed link unless a test passes its own) */
  signImage?: (ref: string) => Promise<string>;
}

/** One lesson: rich text, a video whose progress the server checks, or a document to open. */
export function LessonReader({ lesson, progress, videoUrl, limitSeeking, onCompleted, signImage = lessonImageUrl }: LessonReaderProps) {
  const [done, setDone] = useState(progress.completed);
  const [error, setError] = useState('');
  // the knowledge base's renderer; a body saved before rich text (no Delta) shows as its paragraphs
  const body = useMemo(() => (lesson.body_delta?.ops ? lesson.body_delta : textToDelta(lesson.body_text ?? '')), [lesson.body_delta, lesson.body_text]);
  // the body's images are signed for this learner first (Storage lets them read only a published lesson's images)
  const resolveMedia = useSignedMedia(body, LESSON_IMAGE_PREFIX, signImage);
  const video = useVideoProgress(lesson.id, { position: progress.position_seconds, watched: progress.position_seconds }, limitSeeking);

  const finish = async () => {
    setError('');
    try {
      const p = await reportProgress(lesson.id, 0, true);
      setDone(true);
      onCompleted(p.course_completed);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const openDocument = async () => {
    setError('');
    try {
      await openDocumentUrl(await mediaUrl(lesson.document_path!));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const videoDone = video.progress?.completed === true;
  const courseDone = video.progress?.course_completed === true;
  useEffect(() => {
    if (videoDone && !done) {
      setDone(true);
      onCompleted(courseDone);
    }
  }, [videoDone, courseDone, done, onCompleted]);

  return (
    <View className='tr-card' data-testid='lesson-reader'>
      <Text className='tr-card__title'>{lesson.title}</Text>
      {lesson.kind === 'text' && <DeltaView delta={body} resolveMedia={resolveMedia} testId='lesson-body' />}
      {lesson.kind === 'video' && videoUrl && (
        <Video
          id='lesson-video'
          src={videoUrl}
          initialTime={progress.position_seconds}
          showProgress
          enableProgressGesture={!limitSeeking}
          onTimeUpdate={(e) => {
            const back = video.onTime(e.detail.currentTime);
            if (back !== null) Taro.createVideoContext('lesson-video').seek(back);
          }}
          onPause={(e) => void video.report((e.detail as { currentTime?: number })?.currentTime ?? 0)}
          onEnded={() => void video.report(lesson.video_seconds ?? 0)}
        />
      )}
      {lesson.kind === 'document' && (
        <Button size='small' onClick={() => void openDocument()}>
          打开文档
        </Button>
      )}
      {error && <Text role='alert'>{error}</Text>}
      {done ? (
        <Text className='tr-result__pass' role='status'>
          已完成本课时
        </Text>
      ) : (
        lesson.kind !== 'video' && (
          <Button type='primary' size='small' data-testid='lesson-finish' onClick={() => void finish()}>
            我已学完
          </Button>
        )
      )}
      {lesson.kind === 'video' && !done && (
        <Text className='tr-card__meta' data-testid='lesson-seek-rule'>
          {limitSeeking ? '视频需完整观看，不能拖动到未看过的位置；进度以服务器记录为准' : '可拖动播放，但仍需完整观看才算完成；进度以服务器记录为准'}
        </Text>
      )}
    </View>
  );
}
