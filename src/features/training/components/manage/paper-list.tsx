import { useShownLoader } from '../../hooks/use-shown-loader';
import { managedPapers } from '../../services/training-manage.service';
import { COURSE_STATUS_LABELS } from './labels';
import { ManageList } from './manage-list';

/** 培训管理 › 试卷: every paper of the enterprise with its status, pass score and time. */
export function PaperList({ enterpriseId, onOpen }: { enterpriseId: string; onOpen(paperId: string | null): void }) {
  const list = useShownLoader(() => managedPapers(enterpriseId), enterpriseId);
  return (
    <ManageList testId='manage-papers' rowTestId='manage-paper' newLabel='新建试卷' empty='还没有试卷' list={list} onOpen={onOpen}
      title={(p) => p.title}
      meta={(p) => `${COURSE_STATUS_LABELS[p.status]} · ${p.mode === 'fixed' ? '固定试题' : '随机抽题'} · 及格 ${p.pass_score}/${p.total_score} 分 · ${p.duration_minutes} 分钟`} />
  );
}
