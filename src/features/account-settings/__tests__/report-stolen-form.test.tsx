import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { ReportStolenForm } from '../components/report-stolen-form';
import type { ReportEvidenceService } from '../services/report-evidence.service';

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

function evidenceService(overrides: Partial<ReportEvidenceService> = {}): jest.Mocked<ReportEvidenceService> {
  return {
    chooseEvidenceFile: jest.fn().mockResolvedValue({ path: 'blob:1', name: '身份证.jpg', size: 1000 }),
    uploadReportEvidence: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  } as jest.Mocked<ReportEvidenceService>;
}

async function fileReport(evidence: ReportEvidenceService) {
  const service = { reportStolenAccount: jest.fn().mockResolvedValue({ id: 'case-1', status: 'open', upload_token: 'a'.repeat(48) }) };
  render(<ReportStolenForm service={service} evidenceService={evidence} />);
  type('report-phone', '13800138000');
  type('report-name', '陈晓东');
  fireEvent.input(screen.getByTestId('report-evidence'), { target: { value: '账号被盗用，附身份证明。' } });
  type('report-contact', '13900001234');
  await click('report-submit');
  return service;
}

describe('ReportStolenForm evidence', () => {
  it('after filing, uploads evidence with the report\'s one-time token and lists it', async () => {
    const evidence = evidenceService();
    await fileReport(evidence);
    expect(screen.getByTestId('report-case-id')).toHaveTextContent('case-1');
    expect(screen.getByText(/仅凭申诉不会冻结任何账号/)).toBeTruthy();
    await click('report-evidence-choose');
    expect(evidence.uploadReportEvidence).toHaveBeenCalledWith('case-1', 'a'.repeat(48), { path: 'blob:1', name: '身份证.jpg', size: 1000 });
    expect(screen.getByTestId('report-evidence-item')).toHaveTextContent('身份证.jpg');
  });

  it('refuses a file that is too large or of another type before sending anything, and shows server refusals', async () => {
    const evidence = evidenceService({
      chooseEvidenceFile: jest.fn()
        .mockResolvedValueOnce({ path: 'blob:2', name: 'big.png', size: 6 * 1024 * 1024 })
        .mockResolvedValueOnce({ path: 'blob:3', name: 'x.exe', size: 10 })
        .mockResolvedValueOnce({ path: 'blob:4', name: 'ok.pdf', size: 10 }),
      uploadReportEvidence: jest.fn().mockRejectedValue(new AppError('evidence_limit_reached', '每份申诉最多上传 5 个证明文件')),
    });
    await fileReport(evidence);
    await click('report-evidence-choose');
    expect(screen.getByTestId('report-evidence-error')).toHaveTextContent('5 MB');
    await click('report-evidence-choose');
    expect(screen.getByTestId('report-evidence-error')).toHaveTextContent('JPG、PNG');
    expect(evidence.uploadReportEvidence).not.toHaveBeenCalled();
    await click('report-evidence-choose');
    expect(screen.getByTestId('report-evidence-error')).toHaveTextContent('最多上传 5 个');
  });
});
