import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import type { BirthDateCorrection, ConsentStatus } from '../../identity';
import { BirthDateSettings } from '../components/birth-date-settings';

const status = (over: Partial<ConsentStatus>): ConsentStatus => ({
  cleared: true, gate: null, gate_hint: null, missing: [], birth_date_set: true, birth_date_locked: true, age_band: 'adult',
  guardian: {} as ConsentStatus['guardian'], account_status: 'active', ...over,
});

const rejected: BirthDateCorrection = {
  id: 'r1', current_birth_date: '1990-03-01', claimed_birth_date: '1989-03-01', reason: '注册时年份选错了', evidence_path: null,
  status: 'rejected', created_at: '2026-12-01T00:00:00Z', decided_at: '2026-12-02T00:00:00Z', decision_reason: '请附上身份证照片',
};

function service(s: ConsentStatus | Error, list: BirthDateCorrection[] = []) {
  return {
    getConsentStatus: s instanceof Error ? jest.fn().mockRejectedValue(s) : jest.fn().mockResolvedValue(s),
    myBirthDateCorrections: jest.fn().mockResolvedValue(list),
    requestBirthDateCorrection: jest.fn(),
  };
}
const evidence = { choose: jest.fn().mockResolvedValue(null), upload: jest.fn() };

async function show(svc: ReturnType<typeof service>) {
  await act(async () => {
    render(<BirthDateSettings service={svc} evidence={evidence} today='2026-12-06' />);
  });
}

describe('BirthDateSettings (我的 → 出生日期)', () => {
  it('a cleared adult sees the masked date, the age band, earlier answers and the request form with upload', async () => {
    await show(service(status({}), [rejected]));
    expect(screen.getByTestId('birth-settings-state')).toHaveTextContent('已填写 · 已成年');
    expect(screen.getByTestId('birth-settings-masked')).toHaveTextContent('****年**月**日');
    expect(screen.getByTestId('birth-correction-rejected')).toHaveTextContent('未通过');
    expect(screen.getByTestId('birth-correction-rejected')).toHaveTextContent('请附上身份证照片');
    expect(screen.getByTestId('birth-correction-submit')).toBeTruthy();
    expect(screen.getByTestId('birth-correction-evidence-choose')).toBeTruthy();
  });

  it('without a birth date there is nothing to correct', async () => {
    await show(service(status({ birth_date_set: false, birth_date_locked: false, age_band: 'unknown', cleared: false })));
    expect(screen.getByTestId('birth-settings-state')).toHaveTextContent('未填写');
    expect(screen.queryByTestId('birth-correction')).toBeNull();
  });

  it('shows a failed load with a retry', async () => {
    const svc = service(new AppError('network', '网络异常，请重试'));
    await show(svc);
    expect(screen.getByRole('alert')).toHaveTextContent('网络异常');
    svc.getConsentStatus.mockResolvedValue(status({ age_band: 'under_18' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('birth-settings-retry'));
    });
    expect(screen.getByTestId('birth-settings-state')).toHaveTextContent('14–17 周岁');
  });
});
