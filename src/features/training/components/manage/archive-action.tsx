import { ConfirmAction } from '../../../../ui/confirm-action';
import { setArchived, type ArchiveKind } from '../../services/training-manage.service';

const NOUNS: Record<ArchiveKind, string> = { course: '课程', paper: '试卷', question: '题目' };
const ARCHIVE_EFFECT: Record<ArchiveKind, string> = {
  course: '学员的学习任务和学习路径里不再显示这门课程；已有的学习记录、证书、积分和报表都保留。',
  paper: '学员不能再开始这份试卷；已交的试卷、证书和积分都保留。',
  question: '组新试卷时不能再选这道题；已有试卷和考试记录不受影响。',
};
const RESTORE_EFFECT: Record<ArchiveKind, string> = {
  course: '恢复后为草稿，重新发布后学员才能看到。',
  paper: '恢复后为草稿，保存并发布后学员才能参加。',
  question: '恢复后可以再选入新试卷。',
};

export interface ArchiveActionProps {
  kind: ArchiveKind;
  id: string;
  archived: boolean;
  onChanged(): void;
}

/** 归档 / 恢复 of a course, paper or bank question, with what it means before the second tap. */
export function ArchiveAction({ kind, id, archived, onChanged }: ArchiveActionProps) {
  const noun = NOUNS[kind];
  return (
    <ConfirmAction
      label={archived ? `恢复${noun}` : `归档${noun}`}
      message={archived ? RESTORE_EFFECT[kind] : ARCHIVE_EFFECT[kind]}
      confirmLabel={archived ? '恢复' : '归档'}
      type={archived ? 'primary' : 'danger'}
      testId={`${kind}-${archived ? 'restore' : 'archive'}`}
      onConfirm={async () => {
        await setArchived(kind, id, !archived);
        onChanged();
      }}
    />
  );
}
