import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { NameEditor } from '../components/name-editor';
import type { MyProfile } from '../schemas/my-profile';

const saved = (name: string): MyProfile => ({ id: 'u1', display_name: name, phone_masked: '138****8000', has_password: false });

const typeName = (value: string) => fireEvent.input(screen.getByTestId('profile-edit-name'), { target: { value } });
const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('profile-save-name'));
  });
};

describe('NameEditor', () => {
  it('starts with the current name and cannot save it unchanged', () => {
    render(<NameEditor currentName='张三' onSaved={jest.fn()} service={{ updateMyProfile: jest.fn() }} />);
    expect(screen.getByTestId('profile-edit-name')).toHaveValue('张三');
    expect(screen.getByTestId('profile-save-name')).toHaveAttribute('aria-disabled', 'true');
  });

  it.each([
    ['   ', '请输入姓名'],
    ['王'.repeat(41), '姓名最多 40 个字'],
  ])('rejects %j without calling the server', async (input, message) => {
    const updateMyProfile = jest.fn();
    render(<NameEditor currentName='张三' onSaved={jest.fn()} service={{ updateMyProfile }} />);
    typeName(input);
    await save();
    expect(screen.getByTestId('profile-name-error')).toHaveTextContent(message);
    expect(updateMyProfile).not.toHaveBeenCalled();
  });

  it('saves the trimmed name through the RPC and hands back the saved profile', async () => {
    const updateMyProfile = jest.fn().mockResolvedValue(saved('李四'));
    const onSaved = jest.fn();
    render(<NameEditor currentName='张三' onSaved={onSaved} service={{ updateMyProfile }} />);
    typeName('  李四 ');
    await save();
    expect(updateMyProfile).toHaveBeenCalledWith('李四');
    expect(onSaved).toHaveBeenCalledWith(saved('李四'));
    expect(await screen.findByText('已保存')).toBeInTheDocument();
    expect(screen.queryByTestId('profile-name-error')).not.toBeInTheDocument();
  });

  it("shows the server's Chinese hint when the database refuses the name", async () => {
    const updateMyProfile = jest.fn().mockRejectedValue(new AppError('display_name_invalid', '姓名须为 1–40 个字符'));
    const onSaved = jest.fn();
    render(<NameEditor currentName='张三' onSaved={onSaved} service={{ updateMyProfile }} />);
    typeName('王五');
    await save();
    expect(screen.getByTestId('profile-name-error')).toHaveTextContent('姓名须为 1–40 个字符');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
