// Issue 14: the demo enterprises' knowledge base comes with files (supabase/seeds/kb.sql for the
// nodes, tools/local-stack/seed-files.ts for the bytes). A seeded member sees the three files and
// opens the architecture image the way the app does (a signed link from Storage); a member of
// another demo enterprise learns nothing about them.
import { type SignedInUser, signInFresh, storageObject } from '../support/clients';
import { ok, rest, rpc } from './kb-support';

const XINGHE = 'e0000000-0000-4000-8000-000000000001';
const CHEN_JING = '+8613800000004'; // 星河科技, plain member
const ZHOU_JIE = '+8613800000008'; // 远山制造 only

interface NodeRow { id: string; title: string; kind: string; file_path: string | null; file_mime: string; enterprise_id: string }

let member: SignedInUser;
let outsider: SignedInUser;

beforeAll(async () => {
  [member, outsider] = await Promise.all([signInFresh(CHEN_JING), signInFresh(ZHOU_JIE)]);
});

const demoNodes = async (who: SignedInUser) => {
  const res = await rest(who, `kb_nodes?enterprise_id=eq.${XINGHE}&title=in.(员工手册.pdf,新员工欢迎视频.mp4,系统架构图)&select=id,title,kind,file_path,file_mime,enterprise_id`);
  expect(res.status).toBe(200);
  return res.body as NodeRow[];
};

const imageRef = (delta: { ops: Array<{ insert: unknown }> }) =>
  delta.ops.map((op) => (typeof op.insert === 'object' && op.insert ? (op.insert as { image?: string }).image : undefined)).find(Boolean);

it('a seeded member finds the PDF, the video and the page image, and downloads the image with its content type', async () => {
  const nodes = await demoNodes(member);
  const byTitle = Object.fromEntries(nodes.map((n) => [n.title, n]));
  expect(Object.keys(byTitle).sort()).toEqual(['员工手册.pdf', '新员工欢迎视频.mp4', '系统架构图'].sort());

  // the file nodes carry their files, openable by everyone in the enterprise (downloader grant)
  for (const [title, mime] of [['员工手册.pdf', 'application/pdf'], ['新员工欢迎视频.mp4', 'video/mp4']]) {
    const file = await ok<{ file_path: string | null; file_mime: string; role: string }>(rpc(member, 'kb_open_page', { p_node_id: byTitle[title].id }));
    expect(file).toMatchObject({ file_mime: mime, role: 'downloader' });
    const download = await storageObject(member.token, 'GET', 'kb', file.file_path ?? 'missing');
    expect(download.status).toBe(200);
    expect(download.text.startsWith(mime === 'application/pdf' ? '%PDF-' : '\u0000\u0000\u0000')).toBe(true);
  }

  // the page shows an image stored in the kb bucket; the app asks Storage for a signed link
  const page = await ok<{ delta: { ops: Array<{ insert: unknown }> } }>(rpc(member, 'kb_open_page', { p_node_id: byTitle['系统架构图'].id }));
  const ref = imageRef(page.delta);
  expect(ref).toMatch(new RegExp(`^kb/${XINGHE}/${byTitle['系统架构图'].id}/[^/]+\\.png$`));
  const signed = await member.client.storage.from('kb').createSignedUrl(ref!.slice('kb/'.length), 600);
  expect(signed.error).toBeNull();
  const res = await fetch(signed.data!.signedUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});

it("a member of another demo enterprise neither lists the files nor gets a link or the bytes", async () => {
  expect(await demoNodes(outsider)).toEqual([]);
  const nodes = await demoNodes(member);
  const image = nodes.find((n) => n.title === '系统架构图')!;
  const page = await ok<{ delta: { ops: Array<{ insert: unknown }> } }>(rpc(member, 'kb_open_page', { p_node_id: image.id }));
  const imagePath = imageRef(page.delta)!.slice('kb/'.length);
  const signed = await outsider.client.storage.from('kb').createSignedUrl(imagePath, 600);
  expect(signed.data?.signedUrl).toBeUndefined();
  expect((await storageObject(outsider.token, 'GET', 'kb', imagePath)).status).not.toBe(200);
  for (const n of nodes.filter((x) => x.kind === 'file')) {
    expect((await rpc(outsider, 'kb_open_page', { p_node_id: n.id })).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(outsider.token, 'GET', 'kb', n.file_path!)).status).not.toBe(200);
  }
});
