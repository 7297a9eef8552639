import { act, fireEvent, render, screen } from '@testing-library/react';
import type { BirthDateCorrectionForReview } from '../../../features/identity';
import { AppError } from '../../../lib/errors/app-error';
import { CorrectionItem } from '../birth-date-corrections/correction-item';

const item = (over: Partial<BirthDateCorrectionForReview> = {}): BirthDateCorrectionForReview => ({
  id: 'c1', user_id: 'u1', display_name: '陈晓东', phone_masked: '138****0000', current_birth_date: '2010-03-01',
  current_age_band: 'under_18', claimed_birth_date: '1990-03-01', claimed_age_band: 'adult', reason: '注册时年份选错了',
  evidence_path: 'u1/evidence-1.jpg', status: 'pending', created_at: '2026-12-01T00:00:00Z', decided_at: null,
  decision_reason: null, account_status: 'active', ...over,
});

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const service = { decideBirthDateCorrection: jest.fn() };

describe('CorrectionItem 查看材料', () => {
  it('opens the evidence through a short-lived signed link, never showing the storage path', async () => {
    const evidence = { signedBirthEvidenceUrl: jest.fn().mockResolvedValue('http://stack/storage/v1/object/sign/birth-date-evidence/u1/evidence-1.jpg?token=t') };
    render(<CorrectionItem item={item()} service={service} evidence={evidence} onDecided={jest.fn()} />);
    expect(screen.queryByText(/u1\/evidence-1\.jpg/)).toBeNull();
    expect(screen.queryByTestId('ops-birth-correction-c1-evidence-link')).toBeNull();
    await click('ops-birth-correction-c1-evidence');
    expect(evidence.signedBirthEvidenceUrl).toHaveBeenCalledWith('u1/evidence-1.jpg');
    expect(screen.getByTestId('ops-birth-correction-c1-evidence-link')).toHaveTextContent('10 分钟内有效');
    expect(screen.getByTestId('ops-birth-correction-c1-evidence-image')).toBeTruthy();
  });

  it('shows a refused link as an error, and no button when the request has no evidence', async () => {
    const evidence = { signedBirthEvidenceUrl: jest.fn().mockRejectedValue(new AppError('evidence_open_failed', '暂时无法打开证明材料，请稍后重试')) };
    const { unmount } = render(<CorrectionItem item={item({ status: 'approved', decision_reason: '已核对' })} service={service} evidence={evidence} onDecided={jest.fn()} />);
    await click('ops-birth-correction-c1-evidence');
    expect(screen.getByTestId('ops-birth-correction-c1-error')).toHaveTextContent('暂时无法打开证明材料');
    unmount();
    render(<CorrectionItem item={item({ evidence_path: null })} service={service} evidence={evidence} onDecided={jest.fn()} />);
    expect(screen.queryByTestId('ops-birth-correction-c1-evidence')).toBeNull();
    expect(screen.getByText(/未附证明材料/)).toBeTruthy();
  });
});
