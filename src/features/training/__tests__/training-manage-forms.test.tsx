import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { tableToImportRows } from '../lib/csv';
import { CourseFieldsForm } from '../components/manage/course-fields-form';
import { LessonForm, type LessonImageMedia } from '../components/manage/lesson-form';
import { QuestionForm } from '../components/manage/question-form';
import { saveCourse, saveLesson, saveQuestion } from '../services/training-manage.service';

// The form is under test; the network call behind it is replaced.
jest.mock('../services/training-manage.service', () => ({
  saveQuestion: jest.fn(async () => 'q-1'), saveCourse: jest.fn(async () => 'c-1'), saveLesson: jest.fn(async () => 'l-1'),
}));
// the shared editor's stand-in (a text area and the image tool calling the form's uploader)
jest.mock('../../../ui/rich-text/rich-editor');

// Under jsdom Stencil never renders the <textarea> inside Taro's textarea element, so its value
// watcher throws on controlled updates (see admin-panels.test.tsx): drop just that message.
const originalError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const first = args[0];
    if (first instanceof TypeError && first.message.includes("reading 'value'") && /watchValue/.test(first.stack ?? '')) return;
    originalError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

/** Types into a Taro Textarea: its host element emits `input` with `detail.value`, as in the H5 build. */
const typeText = (testId: string, value: string) => {
  fireEvent(screen.getByTestId(testId), new CustomEvent('input', { detail: { value }, bubbles: true }));
};

const typeInto = (testId: string, value: string) => {
  const host = screen.getByTestId(testId);
  const input = host.tagName === 'INPUT' || host.tagName === 'TEXTAREA' ? host : host.querySelector('input, textarea') ?? host;
  fireEvent.input(input, { target: { value }, detail: { value } });
  fireEvent.change(input, { target: { value } });
};

describe('QuestionForm', () => {
  it('a multiple-choice question is saved with its filled options and the chosen letters, sorted', async () => {
    const onSaved = jest.fn();
    render(<QuestionForm enterpriseId='e-1' question={null} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId('question-kind-multiple'));
    typeText('question-stem', '哪些属于敏感信息？');
    typeInto('question-option-A', '身份证号');
    typeInto('question-option-B', '公司地址');
    typeInto('question-option-C', '客户手机号');
    fireEvent.click(screen.getByTestId('question-answer-C'));
    fireEvent.click(screen.getByTestId('question-answer-A'));
    typeInto('question-tags', '合规|隐私');
    fireEvent.click(screen.getByTestId('question-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('q-1'));
    expect(saveQuestion).toHaveBeenCalledWith('e-1', null, expect.objectContaining({
      kind: 'multiple', stem: '哪些属于敏感信息？', options: ['身份证号', '公司地址', '客户手机号'], answer: ['A', 'C'], tags: ['合规', '隐私'],
    }));
  });
});

describe('CourseFieldsForm', () => {
  const course = {
    id: 'c-1', title: '信息安全', summary: '', category: '合规', required: true, status: 'draft' as const, points: 10,
    limit_seeking: true, cover_path: null, updated_at: '2026-12-01T00:00:00Z',
  };
  it('lets the manager allow free seeking in the course videos (sent as limit_seeking false)', async () => {
    const onSaved = jest.fn();
    render(<CourseFieldsForm enterpriseId='e-1' course={course} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId('course-limit-seeking-free'));
    fireEvent.click(screen.getByTestId('course-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('c-1'));
    expect(saveCourse).toHaveBeenCalledWith('e-1', 'c-1', expect.objectContaining({ title: '信息安全', limit_seeking: false }));
  });
  it('a new course limits seeking unless the manager changes it', async () => {
    render(<CourseFieldsForm enterpriseId='e-1' course={null} onSaved={jest.fn()} />);
    typeInto('course-title', '新课程');
    fireEvent.click(screen.getByTestId('course-save'));
    await waitFor(() => expect(saveCourse).toHaveBeenLastCalledWith('e-1', null, expect.objectContaining({ limit_seeking: true })));
  });
});

describe('LessonForm images', () => {
  const MB = 1024 * 1024;
  /** The picker hands over `file`; the upload (Storage over the network) is replaced, the form's checks are not. */
  const media = (file: { name: string; size: number }, upload: LessonImageMedia['upload'] = jest.fn(async () => 'e-1/images/1-abc.png')) => ({
    choose: jest.fn(async () => ({ path: 'blob:1', ...file })),
    upload: jest.fn(upload),
    sign: jest.fn(async (ref: string) => `https://signed.example/${ref}`),
  });
  const renderForm = (m: LessonImageMedia) =>
    render(<LessonForm chapterId='ch-1' enterpriseId='e-1' lesson={null} onSaved={jest.fn()} onCancel={jest.fn()} media={m} />);

  it('refuses a file that is not a picture, in Chinese, before uploading anything', async () => {
    const m = media({ name: '制度.pdf', size: 1000 });
    renderForm(m);
    fireEvent.click(screen.getByTestId('lesson-editor-tool-image'));
    expect(await screen.findByTestId('lesson-form-error')).toHaveTextContent('图片仅支持 JPG、PNG、GIF、WebP 格式');
    expect(m.choose).toHaveBeenCalledWith('image', 'lesson-image-input');
    expect(m.upload).not.toHaveBeenCalled();
  });

  it('refuses a picture over 10 MB and says how large it is', async () => {
    const m = media({ name: 'big.png', size: 12 * MB });
    renderForm(m);
    fireEvent.click(screen.getByTestId('lesson-editor-tool-image'));
    expect(await screen.findByTestId('lesson-form-error')).toHaveTextContent('文件不能超过 10 MB，当前 12.0 MB');
    expect(m.upload).not.toHaveBeenCalled();
  });

  it('uploads into the enterprise’s images folder with a progress line, and saves the Delta with the training/ reference', async () => {
    let finish: (path: string) => void = () => undefined;
    const m = media({ name: '流程图.PNG', size: 2 * MB }, async (_e, _k, _f, hooks) => {
      hooks?.onProgress?.(40);
      return new Promise<string>((resolve) => (finish = resolve));
    });
    renderForm(m);
    typeInto('lesson-title', '报销流程');
    typeText('lesson-text', '按下图提交：');
    fireEvent.click(screen.getByTestId('lesson-editor-tool-image'));
    expect(await screen.findByTestId('lesson-image-progress')).toHaveTextContent('图片上传中 40%');
    expect(m.upload).toHaveBeenCalledWith('e-1', 'image', expect.objectContaining({ name: '流程图.PNG' }), expect.anything());
    finish('e-1/images/1700000000000-abc123.png');
    await waitFor(() => expect(screen.queryByTestId('lesson-image-progress')).toBeNull());
    fireEvent.click(screen.getByTestId('lesson-save'));
    await waitFor(() => expect(saveLesson).toHaveBeenCalled());
    const [chapter, id, draft] = (saveLesson as jest.Mock).mock.calls.at(-1);
    expect([chapter, id, draft.kind, draft.title]).toEqual(['ch-1', null, 'text', '报销流程']);
    expect(draft.delta.ops).toEqual(expect.arrayContaining([{ insert: { image: 'training/e-1/images/1700000000000-abc123.png' } }]));
    expect(draft.text).toContain('按下图提交：');
    expect(screen.queryByTestId('lesson-form-error')).toBeNull();
  });

  it('shows the upload’s refusal in the form’s error line and drops the progress line', async () => {
    const m = media({ name: 'a.webp', size: 1000 }, async () => {
      throw new Error('上传失败，请检查网络后重试');
    });
    renderForm(m);
    typeText('lesson-text', '正文');
    fireEvent.click(screen.getByTestId('lesson-editor-tool-image'));
    expect(await screen.findByTestId('lesson-form-error')).toHaveTextContent('上传失败，请检查网络后重试');
    expect(screen.queryByTestId('lesson-image-progress')).toBeNull();
  });
});

describe('import rows', () => {
  it('keep the row number people see in the sheet (the header is row 1, empty rows still count)', () => {
    const { rows, sheetRows } = tableToImportRows([['题型', '题干', '答案'], ['判断', '甲', '对'], [], ['', '', ''], ['判断', '乙', '错']]);
    expect(rows).toEqual([{ kind: '判断', stem: '甲', answer: '对' }, { kind: '判断', stem: '乙', answer: '错' }]);
    expect(sheetRows).toEqual([2, 5]);
  });
});
