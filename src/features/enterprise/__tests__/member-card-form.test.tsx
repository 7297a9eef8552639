import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { MemberCardForm } from '../components/member-card-form';
import type { MemberCard } from '../services/enterprise.types';

const CARD: MemberCard = { display_name: '李娜', title: '', email: '', employee_no: 'XH-007' };

function service(card: MemberCard = CARD) {
  return {
    memberCard: jest.fn().mockResolvedValue(card),
    updateMemberProfile: jest.fn().mockResolvedValue(undefined),
  };
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('member-card-save'));
  });
};

describe('MemberCardForm (我的名片 / 成员名片)', () => {
  it('starts from the saved card and sends only what changed, trimmed', async () => {
    const s = service();
    render(<MemberCardForm enterpriseId='e1' userId='u1' own canSetEmployeeNo={false} service={s} />);
    await screen.findByTestId('member-card');
    expect(screen.getByTestId('member-card-employee-no')).toHaveTextContent('工号：XH-007（由企业管理员设置）');
    type('member-card-title', '  产品经理 ');
    type('member-card-email', 'Li.Na@Example.COM');
    await save();
    expect(s.memberCard).toHaveBeenCalledWith('e1', 'u1', true);
    expect(s.updateMemberProfile).toHaveBeenCalledWith('e1', 'u1', { title: '产品经理', email: 'li.na@example.com' });
    expect(screen.getByTestId('member-card-status')).toHaveTextContent('已保存');
  });

  it("tells an admin whose card they are editing, and says nothing of the kind on one's own", async () => {
    render(<MemberCardForm enterpriseId='e1' userId='u2' own={false} canSetEmployeeNo service={service()} />);
    expect(await screen.findByTestId('member-card-whose')).toHaveTextContent('正在编辑：李娜 的名片');
  });

  it('names the field at fault and sends nothing', async () => {
    const s = service();
    render(<MemberCardForm enterpriseId='e1' userId='u1' own canSetEmployeeNo={false} service={s} />);
    await screen.findByTestId('member-card');
    type('member-card-name', '   ');
    type('member-card-email', 'not-an-address');
    await save();
    expect(screen.getByTestId('member-card-name-error')).toHaveTextContent('请填写姓名');
    expect(screen.getByTestId('member-card-email-error')).toHaveTextContent('请输入有效的邮箱地址');
    expect(s.updateMemberProfile).not.toHaveBeenCalled();
  });

  it('says so when nothing changed, and shows the server’s reason when saving fails', async () => {
    const s = service();
    s.updateMemberProfile.mockRejectedValue(new AppError('display_name_invalid', '姓名须为 1–40 个字符'));
    render(<MemberCardForm enterpriseId='e1' userId='u1' own canSetEmployeeNo={false} service={s} />);
    await screen.findByTestId('member-card');
    await save();
    expect(screen.getByTestId('member-card-status')).toHaveTextContent('没有需要保存的修改');
    expect(s.updateMemberProfile).not.toHaveBeenCalled();
    type('member-card-name', '李娜娜');
    await save();
    expect(screen.getByRole('alert')).toHaveTextContent('姓名须为 1–40 个字符');
  });

  it('shows why the card could not be read, with a retry', async () => {
    const s = service();
    s.memberCard.mockRejectedValueOnce(new AppError('not_enterprise_member', '你不是该企业的成员'));
    render(<MemberCardForm enterpriseId='e1' userId='u1' own canSetEmployeeNo={false} service={s} />);
    expect(await screen.findByText('你不是该企业的成员')).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重试' }));
    });
    expect(await screen.findByTestId('member-card-name')).toBeInTheDocument();
  });

  it('lets an admin edit a member’s card, employee number included, and checks its length first', async () => {
    const s = service();
    render(<MemberCardForm enterpriseId='e1' userId='u2' own={false} canSetEmployeeNo service={s} />);
    await screen.findByTestId('member-card');
    expect(s.memberCard).toHaveBeenCalledWith('e1', 'u2', false);
    type('member-card-employee-no', 'X'.repeat(33));
    await save();
    expect(screen.getByTestId('member-card-employee-no-error')).toHaveTextContent('工号最多 32 个字');
    expect(s.updateMemberProfile).not.toHaveBeenCalled();
    type('member-card-employee-no', ' XH-101 ');
    type('member-card-title', '培训主管');
    await save();
    expect(s.updateMemberProfile).toHaveBeenCalledWith('e1', 'u2', { title: '培训主管', employee_no: 'XH-101' });
    expect(screen.getByTestId('member-card-status')).toHaveTextContent('成员的通讯录资料已更新');
  });

  it('never sends an employee number for a member editing their own card', async () => {
    const s = service();
    render(<MemberCardForm enterpriseId='e1' userId='u1' own canSetEmployeeNo={false} service={s} />);
    await screen.findByTestId('member-card');
    expect(screen.queryByRole('textbox', { name: '工号' })).toBeNull();
    type('member-card-name', '李娜娜');
    await save();
    expect(s.updateMemberProfile).toHaveBeenCalledWith('e1', 'u1', { display_name: '李娜娜' });
  });
});
