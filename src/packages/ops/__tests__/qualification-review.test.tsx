import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import type { ReviewItem } from '../../../features/enterprise';
import { QualificationReviewItem } from '../qualification-review-item';

const doc: ReviewItem = {
  id: 'd1', enterprise_id: 'e1', enterprise_name: '星河科技', kind: 'business_licence', object_path: 'e1/business_licence-1.png',
  file_name: '营业执照.png', status: 'pending', review_reason: '', created_at: '2026-11-29T02:00:00Z', reviewed_at: null,
};

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const typeReason = (value: string) =>
  fireEvent(screen.getByTestId('qualification-review-d1-reason'), new CustomEvent('input', { detail: { value }, bubbles: true }));

describe('QualificationReviewItem', () => {
  const service = () => ({
    signedPreviewUrl: jest.fn().mockResolvedValue('http://stack/storage/v1/object/sign/qualifications/e1/x.png?token=t'),
    reviewQualification: jest.fn().mockResolvedValue(undefined),
  });

  it('previews the file through a signed URL and approves', async () => {
    const s = service();
    const onReviewed = jest.fn();
    render(<QualificationReviewItem doc={doc} service={s} onReviewed={onReviewed} />);
    await click('qualification-review-d1-preview');
    expect(s.signedPreviewUrl).toHaveBeenCalledWith('e1/business_licence-1.png');
    expect(screen.getByTestId('qualification-review-d1-image')).toBeInTheDocument();
    await click('qualification-review-d1-approve');
    expect(s.reviewQualification).toHaveBeenCalledWith('d1', true, '');
    expect(onReviewed).toHaveBeenCalledWith('星河科技 的营业执照已通过');
  });

  it('will not reject without a reason', async () => {
    const s = service();
    render(<QualificationReviewItem doc={doc} service={s} onReviewed={jest.fn()} />);
    await click('qualification-review-d1-reject');
    expect(screen.getByTestId('qualification-review-d1-error')).toHaveTextContent('拒绝原因至少 2 个字');
    expect(s.reviewQualification).not.toHaveBeenCalled();
    typeReason('执照已过期');
    await click('qualification-review-d1-reject');
    expect(s.reviewQualification).toHaveBeenCalledWith('d1', false, '执照已过期');
  });

  it('shows why a review was refused', async () => {
    const s = service();
    s.reviewQualification.mockRejectedValue(new AppError('qualification_already_reviewed', '该材料已审核'));
    render(<QualificationReviewItem doc={doc} service={s} onReviewed={jest.fn()} />);
    await click('qualification-review-d1-approve');
    expect(screen.getByTestId('qualification-review-d1-error')).toHaveTextContent('该材料已审核');
  });
});
