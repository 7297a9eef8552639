import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GovernancePanel } from '../components/governance-panel';
import { ReviewDecision } from '../components/review-decision';
import { SpaceProtection } from '../components/space-protection';
import { StorageUsage } from '../components/storage-usage';
import type { KbGovernance, KbReviewDraft } from '../services/kb.types';

const gov = (over: Partial<KbGovernance> = {}): KbGovernance => ({
  node_id: 'p1', owner_id: 'u1', owner_name: '前成员', updated_by_name: null, review_due: '2026-12-01', reviewed_at: null, stale: true,
  approval_required: true, can_manage: false, can_review_date: true, pending_count: 0, my_review: null, ...over,
});
const draft: KbReviewDraft = {
  id: 'r1', node_id: 'p1', title: '报销制度', delta: { ops: [{ insert: '新的报销流程\n' }] }, status: 'pending', reason: '', base_version: 2, created_at: '2026-12-07T01:00:00Z',
};

describe('governance panel', () => {
  it('shows a departed owner as 前成员 and a due review; 已复查 asks the server and reads again', async () => {
    const pageGovernance = jest.fn(async () => gov());
    const markReviewed = jest.fn(async () => '2027-03-01');
    render(<GovernancePanel nodeId='p1' refresh={3} service={{ pageGovernance, markReviewed, setReviewDate: jest.fn() }} />);
    expect((await screen.findByTestId('kb-owner')).textContent).toBe('负责人：前成员');
    expect(screen.getByTestId('kb-review-due').textContent).toContain('已到期，待复查');
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-mark-reviewed'));
    });
    expect(markReviewed).toHaveBeenCalledWith('p1');
    await waitFor(() => expect(pageGovernance).toHaveBeenCalledTimes(2));
  });

  it("tells the editor their save waits, or why it was rejected; readers get no review controls", async () => {
    const { unmount } = render(<GovernancePanel nodeId='p1' refresh={3} service={{
      pageGovernance: async () => gov({ my_review: { id: 'r1', status: 'rejected', reason: '流程名称不对', updated_at: '' } }), markReviewed: jest.fn(), setReviewDate: jest.fn(),
    }} />);
    expect((await screen.findByTestId('kb-my-review')).textContent).toBe('你的修改未通过审核：流程名称不对');
    unmount();
    render(<GovernancePanel nodeId='p1' refresh={3} service={{ pageGovernance: async () => gov({ can_review_date: false, stale: false }), markReviewed: jest.fn(), setReviewDate: jest.fn() }} />);
    await screen.findByTestId('kb-owner');
    expect(screen.queryByTestId('kb-mark-reviewed')).toBeNull();
    expect(screen.queryByTestId('kb-my-review')).toBeNull();
  });
});

describe('review decision', () => {
  it('a rejection needs a reason before anything is sent; approving publishes', async () => {
    const decideReview = jest.fn(async () => ({}));
    const onDecided = jest.fn();
    render(<ReviewDecision draft={draft} onDecided={onDecided} service={{ decideReview }} />);
    expect(screen.getByTestId('kb-review').textContent).toContain('新的报销流程');
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-review-reject'));
    });
    expect(screen.getByRole('alert').textContent).toBe('请填写驳回原因');
    expect(decideReview).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-review-approve'));
    });
    expect(decideReview).toHaveBeenCalledWith('r1', true, '');
    expect(onDecided).toHaveBeenCalledWith('已通过，修改已发布');
  });
});

describe('space settings', () => {
  it('a manager turns approval before publishing on for the space', async () => {
    const setSpaceApproval = jest.fn(async (_id: string, _on: boolean) => undefined);
    render(<SpaceProtection spaceId='s1' watermark={false} approval={{ on: false, save: (on) => setSpaceApproval('s1', on) }} service={{ setWatermark: jest.fn(), setCopyProtect: jest.fn() }} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-approval-switch-on'));
    });
    expect(setSpaceApproval).toHaveBeenCalledWith('s1', true);
    expect(screen.getByTestId('kb-approval-switch-on').getAttribute('aria-checked')).toBe('true');
  });
});

describe('storage usage', () => {
  it('shows used of the quota per space, and says when it is full', async () => {
    const storageUsage = jest.fn(async () => ({ used: 5 * 1024 ** 3, quota: 5 * 1024 ** 3, spaces: [
      { space_id: 's1', title: '产品文档', bytes: 4 * 1024 ** 3 }, { space_id: 's2', title: '员工手册', bytes: 1024 ** 3 }] }));
    render(<StorageUsage enterpriseId='e1' service={{ storageUsage }} />);
    expect((await screen.findByTestId('kb-storage-total')).textContent).toBe('已用 5 GB / 共 5 GB');
    expect(screen.getByTestId('kb-storage-bar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('alert').textContent).toContain('存储空间已满');
    expect(screen.getAllByTestId('kb-storage-space').map((n) => n.textContent)).toEqual(['产品文档4 GB', '员工手册1 GB']);
  });
});
