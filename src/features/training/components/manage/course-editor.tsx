import { Text, View } from '@tarojs/components';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { Button } from '../../../../ui/button';
import { FormError } from '../../../../ui/form-error';
import { LinkCell } from '../../../../ui/link-cell';
import { LoadState } from '../../../../ui/load-state';
import { useShownLoader } from '../../hooks/use-shown-loader';
import { useAction } from '../../hooks/use-action';
import { courseAssignments, managedCourse, managedPapers, publishCourse } from '../../services/training-manage.service';
import { ArchiveAction } from './archive-action';
import { AssignForm } from './assign-form';
import { CourseFieldsForm } from './course-fields-form';
import { CourseOutlineEditor } from './course-outline-editor';
import { COURSE_STATUS_LABELS, shanghaiDate } from './labels';
import '../training.css';

export interface CourseEditorProps {
  enterpriseId: string;
  /** null: a new course (created by the fields form, then `onCreated`) */
  courseId: string | null;
  onCreated(courseId: string): void;
  onOpenPaper(paperId: string | null, courseId: string): void;
  onOpenReport(courseId: string): void;
}

/** One course for its managers: details, chapters and lessons, publishing, exams, assignments, report. */
export function CourseEditor({ enterpriseId, courseId, onCreated, onOpenPaper, onOpenReport }: CourseEditorProps) {
  const course = useShownLoader(() => managedCourse(courseId ?? ''), courseId ?? '', Boolean(courseId));
  const papers = useShownLoader(() => managedPapers(enterpriseId), `${enterpriseId}:${courseId}`, Boolean(courseId));
  const assignments = useLoader(() => courseAssignments(courseId ?? ''), courseId ?? '', Boolean(courseId));
  const publish = useAction();
  if (!courseId) return <CourseFieldsForm enterpriseId={enterpriseId} course={null} onSaved={onCreated} />;
  if (!course.data) return <LoadState loading={course.loading} error={course.error} onRetry={course.reload} testId='course-editor' />;
  const c = course.data;
  const lessons = c.chapters.reduce((n, ch) => n + ch.lessons.length, 0);
  const own = (papers.data ?? []).filter((p) => p.course_id === c.id);
  return (
    <View data-testid='course-editor'>
      <Text className='page-subtitle' data-testid='course-editor-status'>
        {c.title} · {COURSE_STATUS_LABELS[c.status]} · {lessons} 个课时
      </Text>
      <CourseFieldsForm key={c.updated_at} enterpriseId={enterpriseId} course={c} onSaved={() => course.reload()} />

      <Text className='tr-manage__section'>章节与课时</Text>
      <CourseOutlineEditor courseId={c.id} enterpriseId={enterpriseId} chapters={c.chapters} onChanged={course.reload} />
      {c.status === 'draft' && (
        <View className='tr-manage__bar'>
          <Button type='primary' loading={publish.busy} disabled={publish.busy} data-testid='course-publish'
            onClick={() => void publish.run(publishCourse.bind(null, c.id)).then(() => course.reload())}>
            发布课程
          </Button>
        </View>
      )}
      <FormError message={publish.error} testId='course-publish-error' />
      <ArchiveAction kind='course' id={c.id} archived={c.status === 'archived'} onChanged={course.reload} />

      <Text className='tr-manage__section'>考试</Text>
      {own.map((p) => (
        <LinkCell key={p.id} data-testid={`course-paper-${p.id}`} title={p.title} description={`${COURSE_STATUS_LABELS[p.status]} · 及格 ${p.pass_score}/${p.total_score} 分 · ${p.duration_minutes} 分钟`}
          onClick={() => onOpenPaper(p.id, c.id)} />
      ))}
      <Button size='small' data-testid='course-paper-new' onClick={() => onOpenPaper(null, c.id)}>
        新建本课程的考试
      </Button>

      <Text className='tr-manage__section'>指派</Text>
      {c.status !== 'published' ? (
        <Text className='tr-card__meta'>课程发布后才能指派</Text>
      ) : (
        <AssignForm enterpriseId={enterpriseId} courseId={c.id} onAssigned={assignments.reload} />
      )}
      {(assignments.data ?? []).map((a) => (
        <Text key={a.id} className='tr-card__meta' data-testid={`course-assignment-${a.id}`}>
          {a.target === 'everyone' ? '全体成员' : a.target === 'department' ? '部门' : '成员'} · {a.due_at ? `${shanghaiDate(a.due_at)} 截止` : '无截止'}
        </Text>
      ))}
      <LinkCell data-testid='course-report-link' title='学习报表' description='完成情况、逾期学员、成绩，可导出 CSV' onClick={() => onOpenReport(c.id)} />
    </View>
  );
}
