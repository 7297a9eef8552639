// Enterprises in the compiled mini-program (the H5 build has its own suite in tests/e2e): a member
// already signed in on the phone opens an invitation (link / mini-program code), sees who invites
// them where, joins; then switches enterprises in 我的企业 and reads a colleague in 通讯录. Users,
// enterprises and invitations are arranged through the API; what a test is about happens in the
// simulated pages, and is then checked in the database.
import { createEnterpriseAs, inviteCode, signInCleared, sql, type SignedInUser } from '../support/clients';
import { fakeRequests } from '../support/fake-wechat';
import { openHarness, type Harness } from './support/harness';
import type { PageDriver } from './support/page-driver';
import { signedInStorage } from './support/signed-in';

jest.setTimeout(120_000);

const JOIN_PAGE = 'packages/enterprise/join/index';
const MINE_PAGE = 'packages/enterprise/mine/index';
const DIRECTORY_PAGE = 'packages/enterprise/directory/index';
const ADMIN_PAGE = 'packages/admin/index';
const LOGIN_URL = /^\/?pages\/login\/index(\?|$)/;

const tag = () => Math.floor(Math.random() * 1e6).toString(36).toUpperCase();

/** A new cleared member with a display name (arranged through the API and the database). */
async function person(name: string): Promise<SignedInUser> {
  const user = await signInCleared();
  await sql('update public.profiles set display_name = $2 where id = $1', [user.userId, name]);
  return user;
}

const currentEnterpriseOf = async (userId: string) =>
  (await sql<{ id: string | null }>('select current_enterprise_id as id from public.profiles where id = $1', [userId]))[0].id;

describe('weapp enterprises', () => {
  let harness: Harness | undefined;

  afterEach(() => {
    harness?.close();
    harness = undefined;
  });

  /** Opens `route` in a fresh simulated client where `who` is signed in. */
  async function openAs(who: SignedInUser, route: string, query: Record<string, string> = {}): Promise<PageDriver> {
    harness?.close();
    harness = openHarness({ launchPath: route, storage: await signedInStorage(who) });
    return harness.openPage(route, query);
  }

  /**
   * Once the app is quiet: no request failed and it never sent the member to sign in. Then the
   * client closes (Node's globals, which the database checks need, are back).
   */
  async function closeQuiet() {
    const h = harness as Harness;
    await h.settle();
    h.close();
    harness = undefined;
    expect(h.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);
    expect(h.bridge.navigations.filter((n) => n.url && LOGIN_URL.test(n.url))).toEqual([]);
  }

  test('a member joins by invitation code, switches enterprises, and reads a colleague in the directory', async () => {
    const [admin, member] = await Promise.all([person('周芷若'), person('张无忌')]);
    const invitingName = `峨眉科技${tag()}`;
    const ownName = `明教商贸${tag()}`;
    const invitingId = await createEnterpriseAs(admin, { name: invitingName, industry: '互联网' });
    // The member already works in an enterprise of their own (its admin; it is their current one).
    const ownId = await createEnterpriseAs(member, { name: ownName });
    expect(await currentEnterpriseOf(member.userId)).toBe(ownId);
    const code = await inviteCode(admin, invitingId);

    // The invitation: which enterprise, who invites; 加入.
    const join = await openAs(member, JOIN_PAGE, { code });
    await join.waitFor(() => join.text().includes(invitingName), 'the invited enterprise');
    expect(join.text()).toContain('周芷若 邀请你加入');
    expect(join.text()).toContain('互联网 · 加入后身份：成员');
    await join.tap('加入');
    await join.waitFor(() => join.text().includes(`已加入${invitingName}`), 'the joined status');
    await closeQuiet();

    const members = await sql<{ user_id: string; role: string }>(
      'select user_id, role from public.enterprise_members where enterprise_id = $1 order by joined_at',
      [invitingId],
    );
    expect(members).toEqual([
      { user_id: admin.userId, role: 'admin' },
      { user_id: member.userId, role: 'member' },
    ]);
    // Joining makes the new enterprise the one the member works in.
    expect(await currentEnterpriseOf(member.userId)).toBe(invitingId);

    // 我的企业: both, the joined one marked current; switch back to their own.
    const mine = await openAs(member, MINE_PAGE);
    await mine.waitFor(() => mine.byText(`${invitingName}当前企业`), 'the joined enterprise marked current');
    expect(mine.byText(`${ownName}切换`)).toBeTruthy();
    expect(mine.nodes().filter((n) => n.text === '当前企业')).toHaveLength(1);
    await mine.tap('切换');
    await mine.waitFor(() => mine.byText(`${ownName}当前企业`), 'their own enterprise marked current');
    expect(mine.byText(`${invitingName}切换`)).toBeTruthy();
    expect(mine.nodes().filter((n) => n.text === '当前企业')).toHaveLength(1);
    await closeQuiet();
    expect(await currentEnterpriseOf(member.userId)).toBe(ownId);

    // 通讯录 of the enterprise they joined (from 我的企业 › 通讯录): the inviting colleague is listed.
    const directory = await openAs(member, DIRECTORY_PAGE, { id: invitingId });
    await directory.waitFor(() => directory.text().includes(`${invitingName} · 通讯录`), 'the directory of the joined enterprise');
    await directory.waitFor(() => directory.byText('周芷若管理员'), 'the colleague in the directory');
    expect(directory.text()).toContain('张无忌');
    await closeQuiet();
  });

  test('an admin creates an invitation and gets its mini-program code, made on the server', async () => {
    const admin = await person('张三丰');
    const enterpriseId = await createEnterpriseAs(admin, { name: `太极书院${tag()}` });

    const page = await openAs(admin, ADMIN_PAGE, { id: enterpriseId, tab: 'invitations' });
    await page.waitFor(() => page.nodes().some((n) => n.text === '生成邀请'), 'the invitation form');
    await page.tap('生成邀请');
    const image = await page.waitFor(() => page.nodes().find((n) => n.tag === 'image' && String(n.attrs.src ?? '').startsWith('data:image/png;base64,')), 'the mini-program code');
    expect(page.text()).toContain('用微信扫一扫，直接打开邀请');
    await closeQuiet();

    // The code on screen is the invitation's, and WeChat was asked for its landing page.
    const [inv] = await sql<{ code: string }>('select code from public.invitations where enterprise_id = $1', [enterpriseId]);
    const sent = (await fakeRequests()).find((r) => r.path === '/wechat/wxa/getwxacodeunlimit' && (r.body as { scene?: string })?.scene === inv.code);
    expect(sent?.body).toMatchObject({ scene: inv.code, page: JOIN_PAGE });
    expect(String(image.attrs.src).length).toBeGreaterThan(200);
  });

  test('a scanned mini-program code (`scene`) opens the same invitation; 拒绝 declines without joining', async () => {
    const [admin, member] = await Promise.all([person('宋远桥'), person('殷梨亭')]);
    const name = `武当物流${tag()}`;
    const enterpriseId = await createEnterpriseAs(admin, { name });
    const code = await inviteCode(admin, enterpriseId);

    // WeChat hands a wxacode's scene over URL-encoded, in whatever case it was printed.
    const join = await openAs(member, JOIN_PAGE, { scene: encodeURIComponent(code.toLowerCase()) });
    await join.waitFor(() => join.text().includes(name), 'the invited enterprise');
    expect(join.text()).toContain('宋远桥 邀请你加入');
    await join.tap('拒绝');
    await join.waitFor(() => join.text().includes('你已拒绝该邀请'), 'the declined status');
    expect(join.nodes().some((n) => n.text === '加入')).toBe(false);
    await closeQuiet();

    const members = await sql<{ user_id: string }>('select user_id from public.enterprise_members where enterprise_id = $1', [enterpriseId]);
    expect(members).toEqual([{ user_id: admin.userId }]);
    const declined = await sql<{ status: string }>('select status from public.join_requests where enterprise_id = $1 and user_id = $2', [enterpriseId, member.userId]);
    expect(declined).toEqual([{ status: 'declined' }]);
    expect(await currentEnterpriseOf(member.userId)).toBeNull();
  });
});
