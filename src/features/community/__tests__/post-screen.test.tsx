import { act, render, screen } from '@testing-library/react';
import { PostScreen } from '../components/post-screen';
import { post } from '../services/community.service';

jest.mock('../services/community.service', () => ({ post: jest.fn(), acceptAnswer: jest.fn() }));
const mockedPost = post as jest.MockedFunction<typeof post>;

describe('PostScreen', () => {
  it('says the post is gone when the server finds none, instead of loading forever', async () => {
    mockedPost.mockResolvedValue(null);
    await act(async () => {
      render(<PostScreen postId='gone' userId='u1' channel='h5' readOnly={false} moderator={false} canComment onReport={jest.fn()} />);
    });
    expect(screen.getByText('帖子不存在或已被删除')).toBeTruthy();
    expect(screen.queryByText('加载中…')).toBeNull();
  });
});
