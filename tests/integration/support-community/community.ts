// Community test helpers: an enterprise with a moderator team, publishing through the
// community-publish edge function (the only way to publish), RPCs and reads as a member.
import { callApi, type SignedInUser } from '../../support/clients';
import { createEnterprise, newMember } from '../support-tenancy/fixture';

export type ApiAnswer = Awaited<ReturnType<typeof callApi>>;

export const delta = (text: string) => ({ ops: [{ insert: `${text}\n` }] });

export const rpc = (user: SignedInUser | undefined, name: string, body: Record<string, unknown>): Promise<ApiAnswer> =>
  callApi(`/rest/v1/rpc/${name}`, { token: user?.token, body });

export const read = (user: SignedInUser, pathAndQuery: string): Promise<ApiAnswer> =>
  callApi(`/rest/v1/${pathAndQuery}`, { method: 'GET', token: user.token });

export const publish = (user: SignedInUser, body: Record<string, unknown>): Promise<ApiAnswer> =>
  callApi('/functions/v1/community-publish', { token: user.token, body });

export async function publishPost(user: SignedInUser, sectionId: string, title: string, text: string, channel = 'h5'): Promise<ApiAnswer> {
  return publish(user, { kind: 'post', channel, section_id: sectionId, title, body: delta(text) });
}

/** Publishes and insists it worked; returns the post id. */
export async function postOk(user: SignedInUser, sectionId: string, title: string, text: string): Promise<string> {
  const res = await publishPost(user, sectionId, title, text);
  if (res.status !== 201) throw new Error(`publish answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface Community {
  eid: string;
  admin: SignedInUser;
  /** a manager with the `community` scope (professional edition) */
  manager: SignedInUser;
  members: SignedInUser[];
  sectionId: string;
}

/** An enterprise with an admin, a community manager, `n` members and one open section. */
export async function community(n = 4): Promise<Community> {
  const eid = await createEnterprise({ edition: 'professional' });
  const admin = await newMember(eid, { role: 'admin', displayName: '管理员王芳' });
  const manager = await newMember(eid, { displayName: '社区管理员李强' });
  const { sql } = await import('../../support/clients');
  await sql(`update public.enterprise_members set scopes = '{community}' where enterprise_id = $1 and user_id = $2`, [eid, manager.userId]);
  const members: SignedInUser[] = [];
  for (let i = 0; i < n; i++) members.push(await newMember(eid, { displayName: `成员${i + 1}` }));
  const res = await rpc(admin, 'community_create_section', { p_enterprise_id: eid, p_name: '技术交流', p_description: '研发同学的讨论区' });
  if (res.status !== 200) throw new Error(`create section answered ${res.status} ${JSON.stringify(res.body)}`);
  return { eid, admin, manager, members, sectionId: res.body as string };
}

/** Publishes an announcement, question, poll or event through the publishing check. */
export function publishTyped(user: SignedInUser, sectionId: string, type: string, title: string, text: string,
  extra: Record<string, unknown> = {}): Promise<ApiAnswer> {
  return publish(user, { kind: 'post', channel: 'h5', section_id: sectionId, title, body: delta(text), type, extra });
}

/** An ISO time `hours` from now. */
export const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** Polls `what` every 100 ms until `done` holds (at most 30 s): for verdicts WeChat pushes later. */
export async function waitUntil<T>(what: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await what();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached');
}
