import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../../ui/button';
import { FormError } from '../../../../ui/form-error';
import { TextField } from '../../../../ui/text-field';
import { useAction } from '../../hooks/use-action';
import { saveChapter } from '../../services/training-manage.service';
import type { ManagedChapter, ManagedLesson } from '../../services/training-manage.types';
import { LESSON_KIND_LABELS } from './labels';
import { LessonForm } from './lesson-form';
import '../training.css';

export interface CourseOutlineEditorProps {
  courseId: string;
  enterpriseId: string;
  chapters: ManagedChapter[];
  /** after any change: the page reloads the course */
  onChanged(): void;
}

type Editing = { chapterId: string; lesson: ManagedLesson | null } | null;

/** Chapters and their lessons: add a chapter, add or edit a lesson in place. */
export function CourseOutlineEditor({ courseId, enterpriseId, chapters, onChanged }: CourseOutlineEditorProps) {
  const [chapterTitle, setChapterTitle] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const action = useAction();
  const addChapter = async () => {
    const id = await action.run(() => saveChapter(courseId, chapterTitle));
    if (id) {
      setChapterTitle('');
      onChanged();
    }
  };
  return (
    <View data-testid='course-outline-editor'>
      {chapters.length === 0 && <Text className='tr-empty'>先添加一个章节，再在章节里添加课时</Text>}
      {chapters.map((ch) => (
        <View key={ch.id} className='tr-card' data-testid={`manage-chapter-${ch.id}`}>
          <View className='tr-manage__row'>
            <Text className='tr-card__title'>{ch.title}</Text>
            <Button size='small' data-testid={`chapter-add-lesson-${ch.id}`} onClick={() => setEditing({ chapterId: ch.id, lesson: null })}>
              添加课时
            </Button>
          </View>
          {ch.lessons.length === 0 && <Text className='tr-card__meta'>本章还没有课时</Text>}
          {ch.lessons.map((l) => (
            <Text key={l.id} className='tr-manage__lesson' role='button' data-testid={`manage-lesson-${l.id}`} onClick={() => setEditing({ chapterId: ch.id, lesson: l })}>
              {LESSON_KIND_LABELS[l.kind]} · {l.title}
            </Text>
          ))}
          {editing?.chapterId === ch.id && (
            <LessonForm
              key={editing.lesson?.id ?? 'new'}
              chapterId={ch.id}
              enterpriseId={enterpriseId}
              lesson={editing.lesson}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                onChanged();
              }}
            />
          )}
        </View>
      ))}
      <TextField
        label='新章节'
        value={chapterTitle}
        onChange={setChapterTitle}
        testId='chapter-title'
        placeholder='章节名称'
        action={
          <Button size='small' type='primary' disabled={action.busy} data-testid='chapter-add' onClick={() => void addChapter()}>
            添加章节
          </Button>
        }
      />
      <FormError message={action.error} testId='chapter-error' />
    </View>
  );
}
