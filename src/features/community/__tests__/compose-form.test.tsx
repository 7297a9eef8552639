import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { ComposeForm } from '../components/compose-form';
import { publishPost, sections } from '../services/community.service';
import { uploadPostImage } from '../services/community-images.service';
import { chooseImages } from '../../../platform/choose-images';

jest.mock('../services/community.service', () => ({ sections: jest.fn(), publishPost: jest.fn() }));
// the picker and the upload are the platform's and Storage's; the form's part is waiting for them
jest.mock('../../../platform/choose-images', () => ({ chooseImages: jest.fn() }));
jest.mock('../services/community-images.service', () => ({
  ...jest.requireActual('../services/community-images.service'),
  uploadPostImage: jest.fn(),
}));
// the shared rich-text editor: a text area stands in (src/ui/rich-text/__mocks__)
jest.mock('../../../ui/rich-text/rich-editor');
const mockedSections = sections as jest.MockedFunction<typeof sections>;
const mockedPublish = publishPost as jest.MockedFunction<typeof publishPost>;
const mockedChoose = chooseImages as jest.MockedFunction<typeof chooseImages>;
const mockedUpload = uploadPostImage as jest.MockedFunction<typeof uploadPostImage>;

// Under jsdom Stencil never renders the <textarea> inside Taro's textarea element, so its value
// watcher throws on controlled updates (test-environment noise, as in admin-panels.test.tsx).
const originalError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const first = args[0];
    if (first instanceof TypeError && first.message.includes("reading 'value'") && /watchValue/.test(first.stack ?? '')) return;
    originalError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
/** Types into a Taro Textarea: its host element emits `input` with `detail.value`, as in the H5 build. */
const typeText = (testId: string, value: string) =>
  fireEvent(screen.getByTestId(testId), new CustomEvent('input', { detail: { value }, bubbles: true }));
const disabled = (testId: string) => screen.getByTestId(testId).className.includes('nut-button-disabled');

async function renderForm(onDone = jest.fn(), canAnnounce = false) {
  mockedSections.mockResolvedValue([{ id: 's1', name: '技术交流', description: '' }, { id: 's2', name: '生活闲聊', description: '' }]);
  await act(async () => {
    render(<ComposeForm enterpriseId='e1' channel='h5' canAnnounce={canAnnounce} onDone={onDone} />);
  });
  return onDone;
}

describe('ComposeForm (发帖)', () => {
  beforeEach(() => {
    mockedSections.mockReset();
    mockedPublish.mockReset();
  });

  it('publishes to the chosen section with the body as a Delta, and hands back a held result', async () => {
    mockedPublish.mockResolvedValue({ id: 'p1', status: 'held' });
    const onDone = await renderForm();
    expect(disabled('community-compose-submit')).toBe(true);
    fireEvent.click(screen.getByText('生活闲聊'));
    type('community-compose-title', ' 周末骑行 ');
    typeText('community-compose-body', '周六早上八点，滨江绿道集合');
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(mockedPublish).toHaveBeenCalledWith('s2', '周末骑行', { ops: [{ insert: '周六早上八点，滨江绿道集合\n' }] }, 'h5', { type: 'post' }, []);
    expect(onDone).toHaveBeenCalledWith({ id: 'p1', status: 'held' });
  });

  it('shows the publishing check’s refusal with the words to change, and stays on the form', async () => {
    mockedPublish.mockRejectedValue(new AppError('content_blocked', '内容包含不允许发布的词语：代开发票，请修改后再发布', { status: 422 }));
    const onDone = await renderForm();
    fireEvent.click(screen.getByText('技术交流'));
    type('community-compose-title', '发票问题');
    typeText('community-compose-body', '有没有代开发票的渠道');
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(screen.getByTestId('community-compose-error')).toHaveTextContent('代开发票');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('a one-character title is refused before anything is sent', async () => {
    await renderForm();
    fireEvent.click(screen.getByText('技术交流'));
    type('community-compose-title', '问');
    typeText('community-compose-body', '内容');
    expect(screen.getByTestId('community-compose-title-error')).toHaveTextContent('标题须为 2–60 个字');
    expect(disabled('community-compose-submit')).toBe(true);
  });

  it('a poll sends its options; a missing option is caught before sending; members are not offered 公告', async () => {
    mockedPublish.mockResolvedValue({ id: 'p2', status: 'published' });
    await renderForm();
    expect(screen.queryByTestId('community-compose-type-announcement')).toBeNull();
    fireEvent.click(screen.getByTestId('community-compose-type-poll'));
    fireEvent.click(screen.getByText('技术交流'));
    type('community-compose-title', '周会时间');
    typeText('community-compose-body', '选一个时间');
    type('community-compose-option-0', '周一上午');
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(screen.getByTestId('community-compose-error')).toHaveTextContent('投票须有 2–10 个选项');
    expect(mockedPublish).not.toHaveBeenCalled();
    type('community-compose-option-1', '周二下午');
    fireEvent.click(screen.getByTestId('community-compose-multiple-yes'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(mockedPublish).toHaveBeenCalledWith('s1', '周会时间', expect.anything(), 'h5',
      expect.objectContaining({ type: 'poll', options: ['周一上午', '周二下午'], max_choices: 2, anonymous: true }), []);
  });

  it('moderators may publish a required-reading announcement', async () => {
    mockedPublish.mockResolvedValue({ id: 'p3', status: 'published' });
    await renderForm(jest.fn(), true);
    fireEvent.click(screen.getByTestId('community-compose-type-announcement'));
    fireEvent.click(screen.getByText('技术交流'));
    type('community-compose-title', '放假通知');
    typeText('community-compose-body', '元旦放假三天');
    fireEvent.click(screen.getByTestId('community-compose-required-yes'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(mockedPublish).toHaveBeenCalledWith('s1', '放假通知', expect.anything(), 'h5', { type: 'announcement', pinned: true, required_department_ids: [] }, []);
  });

  it('waits for the pictures to upload, shows their progress, and publishes their paths in order', async () => {
    mockedPublish.mockResolvedValue({ id: 'p2', status: 'published' });
    mockedChoose.mockResolvedValue([{ path: 'blob:a', name: 'a.png', size: 10 }, { path: 'blob:b', name: 'b.jpg', size: 10 }]);
    const finish: Array<(path: string) => void> = [];
    mockedUpload.mockImplementation((_e, _f, file, onProgress) => new Promise((resolve) => {
      onProgress?.(40);
      finish.push(() => resolve(`e1/f/${file.name}`));
    }));
    await renderForm();
    fireEvent.click(screen.getByText('技术交流'));
    type('community-compose-title', '团建照片');
    typeText('community-compose-body', '周末团建');
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-image-add'));
    });
    expect(screen.getAllByTestId('community-image-slot')).toHaveLength(2);
    expect(screen.getAllByTestId('community-image-progress')[0]).toHaveTextContent('40%');
    expect(disabled('community-compose-submit')).toBe(true);
    await act(async () => finish[0]('e1/f/a.png'));
    await act(async () => finish[1]('e1/f/b.jpg'));
    expect(screen.queryAllByTestId('community-image-progress')).toHaveLength(0);
    expect(disabled('community-compose-submit')).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(mockedPublish).toHaveBeenCalledWith('s1', '团建照片', expect.anything(), 'h5', { type: 'post' }, ['e1/f/a.png', 'e1/f/b.jpg']);
  });

  it('匿名提问 tells the asker that admins can still see who asked, and sends the question as anonymous', async () => {
    mockedPublish.mockResolvedValue({ id: 'p3', status: 'published' });
    await renderForm();
    fireEvent.click(screen.getByTestId('community-compose-type-question'));
    expect(screen.queryByTestId('community-compose-anonymous-notice')).toBeNull();
    fireEvent.click(screen.getByTestId('community-compose-ask-yes'));
    expect(screen.getByTestId('community-compose-anonymous-notice')).toHaveTextContent('管理员仍可查看提问人');
    fireEvent.click(screen.getByText('技术交流'));
    type('community-compose-title', '调休怎么算');
    typeText('community-compose-body', '加班两天，调休找谁审批？');
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-compose-submit'));
    });
    expect(mockedPublish).toHaveBeenCalledWith('s1', '调休怎么算', expect.anything(), 'h5', { type: 'question', anonymous: true }, []);
  });
});
