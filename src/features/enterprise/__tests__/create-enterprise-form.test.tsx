import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { CreateEnterpriseForm } from '../components/create-enterprise-form';

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('create-enterprise-submit'));
  });
};

function fillValid() {
  type('enterprise-name', ' 星河科技 ');
  type('enterprise-industry', '互联网');
  fireEvent.click(screen.getByTestId('enterprise-size-200-999'));
  type('enterprise-contact-name', '张伟');
  type('enterprise-contact-phone', '+86 13800000001');
}

describe('CreateEnterpriseForm', () => {
  it('shows what is wrong next to the fields and sends nothing', async () => {
    const createEnterprise = jest.fn();
    render(<CreateEnterpriseForm onCreated={jest.fn()} service={{ createEnterprise }} />);
    type('enterprise-name', '星');
    type('enterprise-contact-phone', '123');
    await submit();
    expect(screen.getByTestId('enterprise-name-error')).toHaveTextContent('企业名称至少 2 个字');
    expect(screen.getByTestId('enterprise-contact-phone-error')).toHaveTextContent('请填写正确的 11 位手机号');
    expect(createEnterprise).not.toHaveBeenCalled();
  });

  it('creates the enterprise with trimmed values and the chosen size', async () => {
    const createEnterprise = jest.fn().mockResolvedValue('e-new');
    const onCreated = jest.fn();
    render(<CreateEnterpriseForm onCreated={onCreated} service={{ createEnterprise }} />);
    expect(screen.getByTestId('enterprise-size-1-49')).toHaveAttribute('aria-checked', 'true');
    fillValid();
    await submit();
    expect(createEnterprise).toHaveBeenCalledWith({ name: '星河科技', industry: '互联网', sizeBand: '200-999', contactName: '张伟', contactPhone: '13800000001' });
    expect(onCreated).toHaveBeenCalledWith('e-new');
  });

  it("shows the server's refusal", async () => {
    const createEnterprise = jest.fn().mockRejectedValue(new AppError('enterprise_create_rate_limited', '今天创建的企业已达上限，请明天再试'));
    const onCreated = jest.fn();
    render(<CreateEnterpriseForm onCreated={onCreated} service={{ createEnterprise }} />);
    fillValid();
    await submit();
    expect(screen.getByTestId('create-enterprise-error')).toHaveTextContent('今天创建的企业已达上限');
    expect(onCreated).not.toHaveBeenCalled();
  });
});
