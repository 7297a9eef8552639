import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { BirthDateCorrectionForm, type BirthEvidencePicker } from '../components/birth-date-correction-form';
import type { BirthDateCorrection } from '../services/identity.types';

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

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

/** Opens the date picker and confirms what it shows (it starts at PICKER_START_VALUE, 2000-01-01). */
const pickStartDate = async () => {
  await click('birth-correction-picker');
  await act(async () => {
    fireEvent.click(screen.getByText('确定'));
  });
};

const correction = (over: Partial<BirthDateCorrection>): BirthDateCorrection => ({
  id: 'c1', current_birth_date: '2010-03-01', claimed_birth_date: '1990-03-01', reason: '注册时年份选错了',
  evidence_path: null, status: 'pending', created_at: '2026-12-01T00:00:00Z', decided_at: null, decision_reason: null, ...over,
});

function service(list: BirthDateCorrection[] = []) {
  return {
    myBirthDateCorrections: jest.fn().mockResolvedValue(list),
    requestBirthDateCorrection: jest.fn().mockImplementation(async (date: string, reason: string, path?: string) =>
      correction({ id: 'new', claimed_birth_date: date, reason, evidence_path: path ?? null })),
  };
}

function picker(over: Partial<BirthEvidencePicker> = {}): jest.Mocked<BirthEvidencePicker> {
  return {
    choose: jest.fn().mockResolvedValue({ path: 'blob:1', name: '户口簿.jpg', size: 2000 }),
    upload: jest.fn().mockResolvedValue('user-1/evidence-1.jpg'),
    ...over,
  } as jest.Mocked<BirthEvidencePicker>;
}

async function renderOpen(svc: ReturnType<typeof service>, evidence?: BirthEvidencePicker) {
  await act(async () => {
    render(<BirthDateCorrectionForm service={svc} evidence={evidence} today='2026-12-06' startOpen />);
  });
}

describe('BirthDateCorrectionForm', () => {
  it('lists earlier requests with their status and the operator\'s reason', async () => {
    await renderOpen(service([
      correction({ id: 'r2', status: 'rejected', claimed_birth_date: '1991-05-06', decision_reason: '证明材料与申请日期不一致', evidence_path: 'u/e.pdf' }),
      correction({ id: 'r1', status: 'approved', claimed_birth_date: '1990-01-02', decision_reason: '已核对身份证' }),
    ]));
    expect(screen.getByTestId('birth-correction-rejected')).toHaveTextContent('1991 年 5 月 6 日');
    expect(screen.getByTestId('birth-correction-rejected')).toHaveTextContent('未通过');
    expect(screen.getByTestId('birth-correction-rejected')).toHaveTextContent('审核说明：证明材料与申请日期不一致');
    expect(screen.getByTestId('birth-correction-rejected')).toHaveTextContent('已附证明材料');
    expect(screen.getByTestId('birth-correction-approved')).toHaveTextContent('已核对身份证');
  });

  it('uploads the chosen evidence and sends its path with the request', async () => {
    const svc = service();
    const evidence = picker();
    await renderOpen(svc, evidence);
    await pickStartDate();
    typeText('birth-correction-reason', '注册时年份选错了');
    expect(screen.getByTestId('birth-correction-picker')).toHaveTextContent('2000 年 1 月 1 日');
    await click('birth-correction-evidence-choose');
    expect(evidence.upload).toHaveBeenCalledWith({ path: 'blob:1', name: '户口簿.jpg', size: 2000 });
    expect(screen.getByTestId('birth-correction-evidence-name')).toHaveTextContent('户口簿.jpg');
    await click('birth-correction-submit');
    expect(svc.requestBirthDateCorrection).toHaveBeenCalledWith('2000-01-01', '注册时年份选错了', 'user-1/evidence-1.jpg');
    expect(screen.getByTestId('birth-correction-pending')).toHaveTextContent('已附证明材料');
    // one pending request at a time: the form gives way to the request's status
    expect(screen.queryByTestId('birth-correction-submit')).toBeNull();
  });

  it('refuses a wrong file before sending anything and shows upload failures', async () => {
    const evidence = picker({
      choose: jest.fn()
        .mockResolvedValueOnce({ path: 'blob:2', name: 'scan.png', size: 6 * 1024 * 1024 })
        .mockResolvedValueOnce({ path: 'blob:3', name: 'virus.exe', size: 10 })
        .mockResolvedValueOnce({ path: 'blob:4', name: 'ok.pdf', size: 10 }),
      upload: jest.fn().mockRejectedValue(new AppError('file_type_invalid', '仅支持 JPG、PNG 图片或 PDF 文件')),
    });
    const svc = service();
    await renderOpen(svc, evidence);
    await click('birth-correction-evidence-choose');
    expect(screen.getByTestId('birth-correction-error')).toHaveTextContent('5 MB');
    await click('birth-correction-evidence-choose');
    expect(screen.getByTestId('birth-correction-error')).toHaveTextContent('JPG、PNG');
    expect(evidence.upload).not.toHaveBeenCalled();
    await click('birth-correction-evidence-choose');
    expect(evidence.upload).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('birth-correction-evidence-name')).toBeNull();
  });

  it('in onboarding stays behind a link and offers no upload unless given one', async () => {
    await act(async () => {
      render(<BirthDateCorrectionForm service={service()} today='2026-12-06' />);
    });
    expect(screen.queryByTestId('birth-correction')).toBeNull();
    await click('birth-correction-open');
    expect(screen.getByTestId('birth-correction')).toBeTruthy();
    expect(screen.queryByTestId('birth-correction-evidence')).toBeNull();
  });
});
