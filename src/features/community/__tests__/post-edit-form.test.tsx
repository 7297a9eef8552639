import { act, fireEvent, render, screen } from '@testing-library/react';
import { PostEditForm } from '../components/post-edit-form';
import { editPost, post } from '../services/community.service';
import { imageUrls, postImages } from '../services/community-images.service';
import type { Post } from '../services/community.types';

jest.mock('../services/community.service', () => ({ post: jest.fn(), editPost: jest.fn() }));
jest.mock('../services/community-images.service', () => ({
  ...jest.requireActual('../services/community-images.service'),
  postImages: jest.fn(),
  imageUrls: jest.fn(),
}));
// the shared rich-text editor: a text area stands in (src/ui/rich-text/__mocks__)
jest.mock('../../../ui/rich-text/rich-editor');
const mockedPost = post as jest.MockedFunction<typeof post>;
const mockedEdit = editPost as jest.MockedFunction<typeof editPost>;
const mockedImages = postImages as jest.MockedFunction<typeof postImages>;
const mockedUrls = imageUrls as jest.MockedFunction<typeof imageUrls>;

const BODY = { ops: [{ insert: '周末团建的照片\n' }] };
const saved = (over: Partial<Post> = {}): Post => ({
  id: 'p1', post_type: 'post', accepted_comment_id: null, read_count: 0, section_id: 's1', author_id: 'u1', author_name: '成员',
  anonymous: false, title: '团建照片', body_text: '周末团建的照片\n', status: 'published', like_count: 0, comment_count: 0,
  pinned_at: null, featured_at: null, created_at: '2026-12-07T00:00:00Z', enterprise_id: 'e1', mine: true, body: BODY, hidden_reason: null, ...over,
});

async function renderForm(p: Post, onDone = jest.fn()) {
  mockedPost.mockResolvedValue(p);
  mockedImages.mockResolvedValue([{ path: 'e1/f/a.png', status: 'pass' }, { path: 'e1/f/b.png', status: 'review' }]);
  mockedUrls.mockResolvedValue(['https://x/a', 'https://x/b']);
  await act(async () => {
    render(<PostEditForm postId='p1' channel='h5' onDone={onDone} />);
  });
  return onDone;
}

describe('PostEditForm (编辑)', () => {
  beforeEach(() => jest.clearAllMocks());

  it('keeps the saved pictures unless removed, and sends the title, body and kept paths through the check', async () => {
    mockedEdit.mockResolvedValue({ id: 'p1', status: 'published' });
    const onDone = await renderForm(saved());
    expect(screen.getAllByTestId('community-image-slot')).toHaveLength(2);
    fireEvent.click(screen.getAllByTestId('community-image-remove')[0]);
    expect(screen.getAllByTestId('community-image-slot')).toHaveLength(1);
    fireEvent.input(screen.getByTestId('community-compose-title'), { target: { value: '团建照片（更新）' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('community-edit-submit'));
    });
    expect(mockedEdit).toHaveBeenCalledWith('p1', '团建照片（更新）', BODY, 'h5', ['e1/f/b.png']);
    expect(onDone).toHaveBeenCalledWith({ id: 'p1', status: 'published' });
  });

  it('a post hidden by a moderator (not for an edit) or someone else’s can’t be opened for editing', async () => {
    await renderForm(saved({ status: 'hidden', hidden_reason: 'moderation' }));
    expect(screen.getByTestId('community-edit-state-empty').textContent).toContain('现在不能修改');
    expect(screen.queryByTestId('community-edit-submit')).toBeNull();
  });

  it('an empty body can’t be saved', async () => {
    await renderForm(saved());
    fireEvent(screen.getByTestId('community-compose-body'), new CustomEvent('input', { detail: { value: '   ' }, bubbles: true }));
    expect(screen.getByTestId('community-edit-submit').className).toContain('nut-button-disabled');
  });
});
