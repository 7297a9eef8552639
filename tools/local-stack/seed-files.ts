// Demo files for the knowledge-base seed (supabase/seeds/kb.sql). Seeds are SQL and Storage keeps
// bytes on disk, so after the seeds ran and the gateway is up, this uploads the files the seed's
// nodes expect the way the app does (`src/features/kb/services/kb-files.service.ts`): as the
// enterprise's admin, through the Storage API into bucket `kb` at `<enterprise>/<node>/<name>`,
// then `kb_set_file` on file nodes. Idempotent: an object already stored with the same size is
// not sent again, and a file node that already points at its object is left alone.
import type { Pool } from 'pg';
import type { StackConfig } from './config';
import { demoHandbookPdf, demoMp4, demoPng } from './demo-files';
import { signJwt } from './jwt';

interface DemoFile {
  /** the node's key in kb.sql (its id is md5(enterprise || ':kb:' || key)) */
  key: string;
  name: string;
  mime: string;
  /** file nodes are recorded with kb_set_file; page images are only referenced by the page */
  fileNode: boolean;
  bytes: () => Buffer;
}

export const DEMO_KB_FILES: DemoFile[] = [
  { key: 'product/architecture', name: 'architecture.png', mime: 'image/png', fileNode: false, bytes: demoPng },
  {
    key: 'onboarding/handbook-pdf', name: 'handbook.pdf', mime: 'application/pdf', fileNode: true,
    bytes: demoHandbookPdf,
  },
  { key: 'onboarding/welcome-video', name: 'welcome.mp4', mime: 'video/mp4', fileNode: true, bytes: demoMp4 },
];

interface Target { enterprise_id: string; admin_id: string; node_id: string; file_path: string | null; stored_size: string | null }

export async function seedDemoFiles(config: StackConfig, pool: Pool, log: (m: string) => void): Promise<number> {
  let sent = 0;
  for (const file of DEMO_KB_FILES) {
    const bytes = file.bytes();
    // Only nodes kb.sql created (an enterprise without the KB seed has none), with its admin.
    const { rows } = await pool.query<Target>(
      `select n.enterprise_id, n.created_by as admin_id, n.id as node_id, n.file_path,
              (select o.metadata->>'size' from storage.objects o where o.bucket_id = 'kb' and o.name = n.enterprise_id || '/' || n.id || '/' || $2) as stored_size
         from public.kb_nodes n
        where n.id = md5(n.enterprise_id::text || ':kb:' || $1)::uuid and n.deleted_at is null`,
      [file.key, file.name],
    );
    for (const t of rows) {
      const objectPath = `${t.enterprise_id}/${t.node_id}/${file.name}`;
      const token = signJwt({ sub: t.admin_id, role: 'authenticated', aud: 'authenticated', aal: 'aal1', exp: Math.floor(Date.now() / 1000) + 300 }, config.jwtSecret);
      const headers = { apikey: config.anonKey, authorization: `Bearer ${token}` };
      if (t.stored_size !== String(bytes.length)) {
        const res = await fetch(`${config.apiUrl}/storage/v1/object/kb/${objectPath}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': file.mime, 'x-upsert': 'true' },
          body: new Uint8Array(bytes),
        });
        if (!res.ok) throw new Error(`demo file ${objectPath}: upload ${res.status} ${await res.text()}`);
        sent++;
      }
      if (file.fileNode && t.file_path !== objectPath) {
        const res = await fetch(`${config.apiUrl}/rest/v1/rpc/kb_set_file`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ p_node_id: t.node_id, p_object_path: objectPath, p_mime: file.mime, p_size: bytes.length }),
        });
        if (!res.ok) throw new Error(`demo file ${objectPath}: kb_set_file ${res.status} ${await res.text()}`);
      }
    }
  }
  if (sent) log(`demo knowledge-base files uploaded: ${sent}`);
  return sent;
}
