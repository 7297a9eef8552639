import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { JoinRequestItem } from '../components/admin/join-request-item';
import { QualificationPanel } from '../components/admin/qualification-panel';
import { SettingsPanel } from '../components/admin/settings-panel';
import type { EnterpriseSettings, JoinRequestRow } from '../services/enterprise.types';

// Under jsdom Stencil never renders the <textarea> inside Taro's textarea element, so its value
// watcher throws on every controlled update (`this.textareaRef` is undefined). Third-party noise in
// the test environment only (the H5 build renders it): drop just that message.
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

describe('JoinRequestItem', () => {
  const request: JoinRequestRow = {
    id: 'r1', user_id: 'u9abcdef0', display_name: '吴用', phone_masked: '138****0009', invitation_id: 'i1', inviter_name: '周芷若',
    role: 'member', department_id: null, status: 'pending', reason: '', created_at: '2026-11-29T02:00:00Z', decided_at: null,
  };

  it('shows who asks, through whose invitation, and approves in one tap', async () => {
    const decideJoinRequest = jest.fn().mockResolvedValue(undefined);
    const onDecided = jest.fn();
    render(<JoinRequestItem request={request} service={{ decideJoinRequest }} onDecided={onDecided} />);
    expect(screen.getByText('吴用')).toBeInTheDocument();
    expect(screen.getByText('138****0009 · 周芷若 邀请 · 加入后为成员')).toBeInTheDocument();
    await click('join-request-r1-approve');
    expect(decideJoinRequest).toHaveBeenCalledWith('r1', true, '');
    expect(onDecided).toHaveBeenCalledWith('已通过加入申请');
  });

  it('will not reject without a reason, then sends the reason the person will read', async () => {
    const decideJoinRequest = jest.fn().mockResolvedValue(undefined);
    render(<JoinRequestItem request={request} service={{ decideJoinRequest }} onDecided={jest.fn()} />);
    await click('join-request-r1-reject');
    await click('join-request-r1-reject-confirm');
    expect(screen.getByTestId('join-request-r1-error')).toHaveTextContent('拒绝原因至少 2 个字');
    expect(decideJoinRequest).not.toHaveBeenCalled();
    typeText('join-request-r1-reason', '非本公司员工');
    await click('join-request-r1-reject-confirm');
    expect(decideJoinRequest).toHaveBeenCalledWith('r1', false, '非本公司员工');
  });
});

describe('SettingsPanel', () => {
  const settings: EnterpriseSettings = {
    name: '星河科技', industry: '互联网', size_band: '50-199', contact_name: '张伟', contact_phone: '8613800000001',
    join_rule: 'invite', members_can_invite: false, directory_scope: 'all', directory_hidden_fields: [],
  };
  const service = () => ({
    getSettings: jest.fn().mockResolvedValue(settings),
    listAllowlist: jest.fn().mockResolvedValue(['8613800000005']),
    updateSettings: jest.fn().mockResolvedValue(undefined),
    setPhoneAllowlist: jest.fn().mockResolvedValue(2),
  });

  it('saves only the rule settings it shows', async () => {
    const s = service();
    render(<SettingsPanel enterpriseId='e1' service={s} />);
    await screen.findByTestId('admin-settings');
    fireEvent.click(screen.getByTestId('settings-join-rule-approval'));
    fireEvent.click(screen.getByTestId('settings-directory-scope-department'));
    fireEvent.click(screen.getByTestId('settings-hidden-phone'));
    await click('settings-save');
    expect(s.updateSettings).toHaveBeenCalledWith('e1', { join_rule: 'approval', members_can_invite: false, directory_scope: 'department', directory_hidden_fields: ['phone'] });
    expect(screen.getByTestId('settings-result')).toHaveTextContent('设置已保存');
  });

  it('shows the stored allow-list and refuses to send invalid numbers', async () => {
    const s = service();
    render(<SettingsPanel enterpriseId='e1' service={s} />);
    expect(await screen.findByTestId('settings-allowlist')).toHaveAttribute('value', '13800000005');
    typeText('settings-allowlist', '13800000005\n1234');
    await click('settings-allowlist-save');
    expect(screen.getByTestId('settings-error')).toHaveTextContent('以下号码无效：1234');
    expect(s.setPhoneAllowlist).not.toHaveBeenCalled();
    typeText('settings-allowlist', '13800000005\n+86 13800000006');
    await click('settings-allowlist-save');
    expect(s.setPhoneAllowlist).toHaveBeenCalledWith('e1', ['13800000005', '13800000006']);
    expect(screen.getByTestId('settings-result')).toHaveTextContent('共 2 个手机号');
  });
});

describe('QualificationPanel', () => {
  const service = () => ({
    listQualificationDocuments: jest.fn().mockResolvedValue([]),
    uploadQualificationFile: jest.fn(async (_e: string, _k: string, _f: unknown, onProgress: (p: number) => void) => {
      onProgress(40);
      return 'e1/business_licence-1.png';
    }),
    submitQualification: jest.fn().mockResolvedValue('d1'),
  });

  it('refuses a file over 10 MB before uploading anything', async () => {
    const s = service();
    const choose = jest.fn().mockResolvedValue({ path: 'blob:x', name: 'licence.png', size: 11 * 1024 * 1024 });
    render(<QualificationPanel enterpriseId='e1' status='none' service={s} choose={choose} />);
    await screen.findByTestId('qualification-business_licence');
    await click('qualification-business_licence-upload');
    expect(screen.getByTestId('qualification-error')).toHaveTextContent('文件不能超过 10 MB');
    expect(s.uploadQualificationFile).not.toHaveBeenCalled();
  });

  it('uploads, then submits the uploaded object for review', async () => {
    const s = service();
    const onSubmitted = jest.fn();
    const choose = jest.fn().mockResolvedValue({ path: 'blob:x', name: '营业执照.png', size: 2048 });
    render(<QualificationPanel enterpriseId='e1' status='none' service={s} choose={choose} onSubmitted={onSubmitted} />);
    await screen.findByTestId('qualification-business_licence');
    await click('qualification-business_licence-upload');
    expect(s.submitQualification).toHaveBeenCalledWith('e1', 'business_licence', 'e1/business_licence-1.png', '营业执照.png');
    expect(screen.getByTestId('qualification-result')).toHaveTextContent('营业执照已提交，等待平台审核');
    expect(onSubmitted).toHaveBeenCalled();
  });

  it('shows a Storage refusal and submits nothing', async () => {
    const s = service();
    s.uploadQualificationFile.mockRejectedValue(new AppError('not_enterprise_admin', '仅企业管理员可以上传资质材料'));
    const choose = jest.fn().mockResolvedValue({ path: 'blob:x', name: 'id.pdf', size: 2048 });
    render(<QualificationPanel enterpriseId='e1' status='none' service={s} choose={choose} />);
    await screen.findByTestId('qualification-legal_rep_id');
    await click('qualification-legal_rep_id-upload');
    expect(screen.getByTestId('qualification-error')).toHaveTextContent('仅企业管理员可以上传资质材料');
    expect(s.submitQualification).not.toHaveBeenCalled();
  });
});
