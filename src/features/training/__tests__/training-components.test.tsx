import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { AssignmentList } from '../components/assignment-list';
import { ExamResult } from '../components/exam-result';
import { LessonReader } from '../components/lesson-reader';
import { QuestionCard } from '../components/question-card';
import type { Answer, AttemptQuestion, AttemptView } from '../services/training.types';

const multiple: AttemptQuestion = {
  position: 3, kind: 'multiple', stem: '哪些属于敏感信息？', score: 25, answer: null,
  // shuffled for this attempt: ids are not in screen order
  options: [{ id: 'C', text: '客户手机号' }, { id: 'A', text: '身份证号' }, { id: 'B', text: '公司地址' }],
};

function Harness({ q, onAnswer }: { q: AttemptQuestion; onAnswer: (a: Answer) => void }) {
  const [answer, setAnswer] = useState<Answer>(null);
  return <QuestionCard question={q} index={1} answer={answer} onChange={(a) => { setAnswer(a); onAnswer(a); }} />;
}

describe('QuestionCard', () => {
  it('multiple choice toggles option ids (not screen letters), sorted, null when none is left', () => {
    const onAnswer = jest.fn();
    render(<Harness q={multiple} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByText('客户手机号'));
    fireEvent.click(screen.getByText('身份证号'));
    expect(onAnswer).toHaveBeenLastCalledWith(['A', 'C']);
    expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-checked'))).toEqual(['true', 'true', 'false']);
    fireEvent.click(screen.getByText('客户手机号'));
    fireEvent.click(screen.getByText('身份证号'));
    expect(onAnswer).toHaveBeenLastCalledWith(null);
  });

  it('single choice replaces the choice; a submitted attempt cannot be changed', () => {
    const onAnswer = jest.fn();
    const single = { ...multiple, kind: 'single' as const };
    const { rerender } = render(<QuestionCard question={single} index={1} answer={['A']} onChange={onAnswer} />);
    fireEvent.click(screen.getByText('公司地址'));
    expect(onAnswer).toHaveBeenLastCalledWith(['B']);
    onAnswer.mockClear();
    rerender(<QuestionCard question={single} index={1} answer={['A']} disabled onChange={onAnswer} />);
    fireEvent.click(screen.getByText('公司地址'));
    expect(onAnswer).not.toHaveBeenCalled();
  });
});

const attempt = (result: AttemptView['result'], extra: Partial<AttemptView> = {}): AttemptView => ({
  id: 'a', paper_id: 'p', title: '考试', status: 'submitted', attempt_no: 1, started_at: '', deadline_at: '', server_now: '',
  submitted_at: '', submit_reason: 'learner', leave_count: 0, leave_limit: null, total_score: 100, pass_score: 60,
  questions: [multiple], result, certificate: null, ...extra,
});

describe('ExamResult', () => {
  it('review "none": no score and no answers on screen', () => {
    render(<ExamResult attempt={attempt({ review: 'none' })} />);
    expect(screen.getByTestId('exam-result').textContent).toContain('成绩将按考试设置在之后公布');
    expect(screen.queryByTestId('exam-score')).toBeNull();
    expect(screen.queryByText(/正确答案/)).toBeNull();
  });

  it('review "answers": score, and each answer in the letters the learner saw', () => {
    render(<ExamResult attempt={attempt({ review: 'answers', score: 0, passed: false, items: [{ position: 3, earned: 0, correct_answer: ['A', 'C'], explanation: '身份证号和手机号' }] })} />);
    expect(screen.getByTestId('exam-score').textContent).toBe('0 分');
    expect(screen.getByText(/未通过/).textContent).toContain('60');
    // C is shown first (A), A second (B)
    expect(screen.getByTestId('review-3').textContent).toContain('正确答案：BA');
  });

  it('says why the system submitted', () => {
    render(<ExamResult attempt={attempt({ review: 'score', score: 80, passed: true }, { submit_reason: 'deadline' })} />);
    expect(screen.getByRole('status').textContent).toBe('考试时间已到，系统已自动交卷');
  });
});

describe('AssignmentList', () => {
  it('marks overdue and finished tasks and opens the course', () => {
    const onOpen = jest.fn();
    render(<AssignmentList onOpen={onOpen} assignments={[
      { course_id: 'c1', title: '信息安全合规培训', category: '合规', required: true, cover_path: null, due_at: '2026-12-01T02:00:00Z', overdue: true, lessons_total: 3, lessons_done: 1, completed_at: null },
      { course_id: 'c2', title: '数据分级', category: '', required: false, cover_path: null, due_at: null, overdue: false, lessons_total: 2, lessons_done: 2, completed_at: '2026-12-02T00:00:00Z' },
    ]} />);
    expect(screen.getByTestId('assignment-c1').textContent).toContain('已逾期');
    expect(screen.getByTestId('assignment-c1').textContent).toContain('必修');
    expect(screen.getByTestId('assignment-c2').textContent).toContain('已完成');
    fireEvent.click(screen.getByTestId('assignment-c1'));
    expect(onOpen).toHaveBeenCalledWith('c1');
  });
});

describe('LessonReader images', () => {
  it('shows a text lesson’s training/ images by the learner’s signed link, and hides one that can’t be signed', async () => {
    const sign = jest.fn(async (ref: string) => {
      if (ref.includes('gone')) throw new Error('media_unavailable');
      return `https://signed.example/${ref.slice('training/'.length)}?token=t`;
    });
    const lesson = {
      id: 'l-1', course_id: 'c-1', title: '报销流程', kind: 'text' as const, body_text: '', video_path: null, video_seconds: null, document_path: null,
      body_delta: { ops: [
        { insert: '按下图提交：\n' }, { insert: { image: 'training/e-1/images/1-abc.png' } }, { insert: '\n' },
        { insert: { image: 'training/e-1/images/2-gone.png' } }, { insert: '\n' },
      ] },
    };
    const { container } = render(
      <LessonReader lesson={lesson} progress={{ position_seconds: 0, completed: false }} videoUrl={null} limitSeeking onCompleted={jest.fn()} signImage={sign} />,
    );
    const srcs = () => Array.from(container.querySelectorAll('img, taro-image-core')).map((e) => e.getAttribute('src'));
    await waitFor(() => expect(srcs()).toEqual(['https://signed.example/e-1/images/1-abc.png?token=t']));
    expect(sign.mock.calls.map(([ref]) => ref).sort()).toEqual(['training/e-1/images/1-abc.png', 'training/e-1/images/2-gone.png']);
    expect(screen.getByText('按下图提交：')).toBeTruthy();
  });
});
