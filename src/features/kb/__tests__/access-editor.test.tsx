import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { AccessEditor } from '../components/access-editor';
import type { KbAccess, KbGrant } from '../services/kb.types';

const inherited: KbAccess = {
  node_id: 'f1', inherits: true, acl_node_id: 's1', acl_node_title: '员工手册',
  grants: [{ role: 'manager', kind: 'member', id: 'u1', name: '管理员' }, { role: 'viewer', kind: 'everyone', id: null, name: '企业全员' }],
};
const own: KbAccess = { ...inherited, inherits: false, acl_node_id: 'f1', acl_node_title: '薪酬' };

function service(access: KbAccess) {
  return {
    nodeAccess: jest.fn(async () => access),
    setGrants: jest.fn(async (_id: string, _g: KbGrant[]) => undefined),
    inheritGrants: jest.fn(async () => undefined),
    grantees: jest.fn(async () => ({
      departments: [{ id: 'd1', name: '研发中心', depth: 1 }, { id: 'd2', name: '市场部', depth: 1 }],
      members: [{ id: 'u2', name: '李娜', department: '研发中心' }],
    })),
  };
}

const flush = () => act(async () => undefined);

describe('AccessEditor', () => {
  it('shows who can see the folder and where the rights come from', async () => {
    render(<AccessEditor nodeId='f1' enterpriseId='e1' title='薪酬' isSpace={false} service={service(inherited)} />);
    await flush();
    expect(screen.getByTestId('kb-access-source').textContent).toBe('继承自「员工手册」的权限');
    expect(screen.getAllByTestId('kb-access-grant').map((r) => r.textContent)).toEqual(['管理员可管理', '企业全员可查看']);
    expect(screen.queryByTestId('kb-access-inherit')).toBeNull();
  });

  it('stops inheriting: starts from the inherited list, drops everyone, grants a department, saves the list', async () => {
    const s = service(inherited);
    render(<AccessEditor nodeId='f1' enterpriseId='e1' title='薪酬' isSpace={false} service={s} />);
    await flush();
    fireEvent.click(screen.getByTestId('kb-access-customize'));
    await flush();
    const everyone = screen.getAllByTestId('kb-access-grant')[1];
    fireEvent.click(within(everyone).getByTestId('kb-access-remove'));
    fireEvent.click(screen.getByTestId('kb-access-kind-department'));
    fireEvent.click(screen.getByTestId('kb-access-target-d1'));
    fireEvent.click(screen.getByTestId('kb-access-role-editor'));
    fireEvent.click(screen.getByTestId('kb-access-add'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-access-save'));
    });
    expect(s.setGrants).toHaveBeenCalledWith('f1', [
      { role: 'manager', kind: 'member', id: 'u1', name: '管理员' },
      { role: 'editor', kind: 'department', id: 'd1', name: '研发中心' },
    ]);
  });

  it('a folder with its own grants can inherit again; a space cannot', async () => {
    const s = service(own);
    const { unmount } = render(<AccessEditor nodeId='f1' enterpriseId='e1' title='薪酬' isSpace={false} service={s} />);
    await flush();
    await act(async () => {
      fireEvent.click(screen.getByTestId('kb-access-inherit'));
    });
    expect(s.inheritGrants).toHaveBeenCalledWith('f1');
    unmount();
    render(<AccessEditor nodeId='s1' enterpriseId='e1' title='员工手册' isSpace service={service(own)} />);
    await flush();
    expect(screen.queryByTestId('kb-access-inherit')).toBeNull();
  });
});
