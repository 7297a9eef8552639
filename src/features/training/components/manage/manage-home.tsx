import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { CourseAdminList } from './course-admin-list';
import { PaperList } from './paper-list';
import { PathAdmin } from './path-admin';
import { QuestionBank } from './question-bank';
import '../training.css';

export type ManageTab = 'courses' | 'questions' | 'papers' | 'paths';

export interface ManageHomeProps {
  enterpriseId: string;
  tab: ManageTab;
  onTab(tab: ManageTab): void;
  onOpenCourse(id: string | null): void;
  onOpenQuestion(id: string | null): void;
  onOpenPaper(id: string | null): void;
}

const TABS = [{ value: 'courses', label: '课程' }, { value: 'questions', label: '题库' }, { value: 'papers', label: '试卷' }, { value: 'paths', label: '学习路径' }];

/** Who may manage training: admins, and the `training` scope where the edition has manager roles (the server decides too). */
export const isTrainingManager = (e: { role: string; scopes: readonly string[]; edition: string } | null | undefined) =>
  Boolean(e && e.edition !== 'basic' && (e.role === 'admin' || e.scopes.includes('training')));

/** 培训管理: courses, the question bank, papers and learning paths of one enterprise. */
export function ManageHome({ enterpriseId, tab, onTab, onOpenCourse, onOpenQuestion, onOpenPaper }: ManageHomeProps) {
  return (
    <View data-testid='training-manage'>
      <Text className='page-subtitle'>课程、题库、试卷和学习路径；学习报表在课程里</Text>
      <ChoiceChips label='管理' options={TABS} value={tab} onChange={(v) => onTab(v as ManageTab)} testId='manage-tab' />
      {tab === 'courses' && <CourseAdminList enterpriseId={enterpriseId} onOpen={onOpenCourse} />}
      {tab === 'questions' && <QuestionBank enterpriseId={enterpriseId} onOpen={onOpenQuestion} />}
      {tab === 'papers' && <PaperList enterpriseId={enterpriseId} onOpen={onOpenPaper} />}
      {tab === 'paths' && <PathAdmin enterpriseId={enterpriseId} />}
    </View>
  );
}
