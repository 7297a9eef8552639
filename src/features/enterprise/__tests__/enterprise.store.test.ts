import { useSessionStore } from '../../auth/store/session.store';
import type { MyEnterprise } from '../services/enterprise.types';
import { selectCurrent, useEnterpriseStore } from '../store/enterprise.store';

const ent = (id: string, name: string, current: boolean): MyEnterprise => ({
  id, name, industry: '互联网', edition: 'basic', role: 'member', scopes: [], is_current: current, qualification_status: 'none', member_count: 3, status: 'normal', status_reason: '',
});

function fakeServer(userId: string) {
  // The server's view: which enterprise is current for this user.
  let current = 'a';
  return {
    myEnterprises: jest.fn(async () => [ent('a', '星河科技', current === 'a'), ent('b', '青禾教育', current === 'b')]),
    switchEnterprise: jest.fn(async (id: string) => {
      current = id;
    }),
    userId,
  };
}

beforeEach(() => {
  useEnterpriseStore.getState().reset();
  useSessionStore.setState({ status: 'signed-in', user: { id: 'u1', phone: '8613800000001' } });
});

describe('enterprise store', () => {
  it('loads the enterprises and exposes the one the server marks current', async () => {
    const server = fakeServer('u1');
    await useEnterpriseStore.getState().load(server);
    expect(useEnterpriseStore.getState().status).toBe('ready');
    expect(selectCurrent(useEnterpriseStore.getState())?.name).toBe('星河科技');
  });

  it('switches on the server, then shows the new current enterprise', async () => {
    const server = fakeServer('u1');
    await useEnterpriseStore.getState().load(server);
    await useEnterpriseStore.getState().switchTo('b', server);
    expect(server.switchEnterprise).toHaveBeenCalledWith('b');
    expect(selectCurrent(useEnterpriseStore.getState())?.name).toBe('青禾教育');
  });

  it('reports a failed load as a Chinese message and keeps nobody else’s list after a new sign-in', async () => {
    const server = fakeServer('u1');
    await useEnterpriseStore.getState().load(server);
    useSessionStore.setState({ user: { id: 'u2', phone: '8613800000002' } });
    await useEnterpriseStore.getState().load({ ...server, myEnterprises: jest.fn().mockRejectedValue(new Error('boom')) });
    const state = useEnterpriseStore.getState();
    expect(state.status).toBe('error');
    expect(state.error).toBe('操作失败，请稍后重试');
    expect(state.enterprises).toEqual([]);
    expect(state.owner).toBe('u2');
  });
});
