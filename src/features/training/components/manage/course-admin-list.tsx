import { useShownLoader } from '../../hooks/use-shown-loader';
import { managedCourses } from '../../services/training-manage.service';
import { COURSE_STATUS_LABELS } from './labels';
import { ManageList } from './manage-list';

/** 培训管理 › 课程: every course of the enterprise, drafts included, newest change first. */
export function CourseAdminList({ enterpriseId, onOpen }: { enterpriseId: string; onOpen(courseId: string | null): void }) {
  const list = useShownLoader(() => managedCourses(enterpriseId), enterpriseId);
  return (
    <ManageList testId='manage-courses' rowTestId='manage-course' newLabel='新建课程' empty='还没有课程' list={list} onOpen={onOpen}
      title={(c) => c.title} tag={(c) => (c.required ? '必修' : null)}
      meta={(c) => `${COURSE_STATUS_LABELS[c.status]}${c.category ? ` · ${c.category}` : ''} · ${c.points} 积分`} />
  );
}
