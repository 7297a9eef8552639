// Downloading a knowledge-base PDF (issue 14). The file node is opened with the caller's own token
// (kb_open_page: the database decides; it names the object only to downloaders, and says whether the
// space's watermark is on and what the viewer's mark is); only then is the object read from Storage,
// with the service key, because while the watermark is on Storage RLS keeps the raw PDF from its
// downloaders (only the node's editors and managers read it there). When the watermark is on every
// page is stamped with the viewer's name, phone tail and the time before the copy is returned, so a
// downloader's only way to the file is a stamped one. Viewers without download rights are refused
// (403 kb_forbidden); authorization stays in Postgres, this function only carries bytes.
// GET `?node_id=` as well as POST `{ node_id }`: the mini-programs download files with GET only
// (downloadFile, with the Authorization header), then open them in WeChat's viewer.
import { corsHeaders } from '../_shared/cors.ts';
import { gate } from '../_shared/gate.ts';
import { fail, failFromDb } from '../_shared/http.ts';
import { type Accepted, acceptGated, INVALID_REQUEST_MESSAGE } from '../_shared/request.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { PdfRequest } from './schema.ts';
import { shanghaiTime, stampPdf } from './stamp.ts';

interface OpenedFile {
  kind: string;
  title: string;
  file_path: string | null;
  file_mime: string;
  watermark: boolean | null;
  viewer_mark: string | null;
}

/** The stored object, read with the service key: call only with a path kb_open_page gave the caller. */
async function download(objectPath: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const res = await fetch(`${Deno.env.get('SUPABASE_URL')}/storage/v1/object/authenticated/kb/${objectPath}`, {
    headers: { apikey: serviceKey(), authorization: `Bearer ${serviceKey()}` },
  });
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return new Uint8Array(await res.arrayBuffer());
}

async function accept(req: Request): Promise<Accepted<PdfRequest>> {
  if (req.method !== 'GET') return acceptGated(req, PdfRequest);
  const g = await gate(req);
  if (!g.ok) return g;
  const parsed = PdfRequest.safeParse({ node_id: new URL(req.url).searchParams.get('node_id') ?? undefined });
  return parsed.success ? { ok: true, caller: g.caller, body: parsed.data } : { ok: false, response: fail(400, 'invalid_request', INVALID_REQUEST_MESSAGE) };
}

export async function handler(req: Request): Promise<Response> {
  const g = await accept(req);
  if (!g.ok) return g.response;
  const opened = await rpc<OpenedFile>('kb_open_page', { p_node_id: g.body.node_id }, g.caller.token);
  if (opened.error) return failFromDb(opened.error);
  const file = opened.data;
  if (file.kind !== 'file' || file.file_mime !== 'application/pdf') return fail(400, 'kb_not_a_pdf', '只有 PDF 文件可以这样下载');
  // no path: the caller may view but not download the file
  if (!file.file_path) return fail(403, 'kb_forbidden', '你没有下载权限');
  const bytes = await download(file.file_path);
  if (!bytes) return fail(404, 'kb_file_missing', '文件不存在，请联系管理员重新上传');
  let body: Uint8Array<ArrayBuffer> = bytes;
  if (file.watermark) {
    try {
      body = new Uint8Array(await stampPdf(bytes, `${file.viewer_mark ?? ''} ${shanghaiTime(new Date())}`.trim()));
    } catch {
      // a file pdf-lib can't read is never handed out unmarked
      return fail(422, 'kb_pdf_unreadable', '该 PDF 无法添加水印，暂不能下载');
    }
  }
  const name = /\.pdf$/i.test(file.title) ? file.title : `${file.title}.pdf`;
  return new Response(body, {
    status: 200,
    headers: {
      ...corsHeaders,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
