// Receives an upload body the two ways supabase-js sends it, as Storage's uploader does:
// multipart/form-data (a Blob/File: the file under an empty field name, plus `cacheControl` and
// optional `metadata` fields) or a raw body with `content-type`, `cache-control` and an optional
// base64 JSON `x-metadata` header. Enforces the bucket's size and mime limits while streaming to a
// temp file, and computes size and MD5 eTag.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { DiskStore } from './disk';
import { ERRORS, StorageError } from './errors';
import { drain } from './http';
import { mimeAllowed } from './keys';

export interface UploadLimits {
  /** the project-wide limit (config.toml `[storage] file_size_limit`) */
  globalLimit: number;
  /** the bucket's file_size_limit */
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
}

export interface ReceivedFile {
  temp: string;
  size: number;
  eTag: string;
  mimetype: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

function parseUserMetadata(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined || text === '') return null;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw ERRORS.badRequest('Invalid metadata: must be a JSON object');
}

/**
 * Streams `source` into `temp`, failing with 413 past `max` bytes. The source is read to its end
 * even then (never destroyed), so the client gets our error instead of a reset connection.
 */
function writeLimited(source: Readable, temp: string, max: number): Promise<{ size: number; md5: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    const out = fs.createWriteStream(temp);
    let size = 0;
    let failure: unknown;
    out.on('error', (e) => {
      failure ??= e;
      source.resume(); // keep draining even if the disk write broke off
    });
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) failure ??= ERRORS.tooLarge();
      if (failure) return;
      hash.update(chunk);
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    });
    source.on('error', (e) => {
      failure ??= e;
      out.end(() => reject(failure));
    });
    source.on('end', () => out.end(() => (failure ? reject(failure) : resolve({ size, md5: hash.digest('hex') }))));
  });
}

function receiveMultipart(req: IncomingMessage, temp: string, max: number, limits: UploadLimits): Promise<Omit<ReceivedFile, 'temp'>> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: max + 1 } });
    } catch {
      reject(ERRORS.badRequest('Invalid multipart body'));
      return;
    }
    const fields: Record<string, string> = {};
    let written: Promise<Omit<ReceivedFile, 'temp'>> | undefined;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (_name, stream, info) => {
      if (written) return void stream.resume();
      const mimetype = info.mimeType || 'application/octet-stream';
      if (!mimeAllowed(mimetype, limits.allowedMimeTypes)) {
        stream.resume();
        written = Promise.reject(ERRORS.invalidMime(mimetype));
        written.catch(() => undefined);
        return;
      }
      written = writeLimited(stream, temp, max).then(({ size, md5 }) => ({
        size,
        eTag: `"${md5}"`,
        mimetype,
        cacheControl: '',
        userMetadata: null,
      }));
      // Observed here too: if busboy fails before 'close', nobody else awaits this promise.
      written.catch(() => undefined);
    });
    bb.on('error', () => reject(ERRORS.badRequest('Invalid multipart body')));
    bb.on('close', () => {
      if (!written) return reject(ERRORS.noContent());
      written
        .then((file) => {
          const cc = fields.cacheControl;
          resolve({ ...file, cacheControl: cc ? `max-age=${cc}` : 'no-cache', userMetadata: parseUserMetadata(fields.metadata) });
        })
        .catch(reject);
    });
    req.pipe(bb);
  });
}

async function receiveRaw(req: IncomingMessage, temp: string, max: number, limits: UploadLimits): Promise<Omit<ReceivedFile, 'temp'>> {
  const mimetype = req.headers['content-type'] || 'application/octet-stream';
  if (!mimeAllowed(mimetype, limits.allowedMimeTypes)) throw ERRORS.invalidMime(mimetype);
  const header = req.headers['x-metadata'];
  let userMetadata: Record<string, unknown> | null = null;
  if (typeof header === 'string' && header) userMetadata = parseUserMetadata(Buffer.from(header, 'base64').toString('utf8'));
  const { size, md5 } = await writeLimited(req, temp, max);
  return { size, eTag: `"${md5}"`, mimetype, cacheControl: req.headers['cache-control'] || 'no-cache', userMetadata };
}

/** Receives the body into a temp file of `store`; on failure removes it and drains the request. */
export async function receiveUpload(req: IncomingMessage, store: DiskStore, limits: UploadLimits): Promise<ReceivedFile> {
  // Like Storage, a bucket limit of 0/null means "no bucket limit", not "nothing fits".
  const max = limits.fileSizeLimit ? Math.min(limits.globalLimit, limits.fileSizeLimit) : limits.globalLimit;
  const declared = Number(req.headers['content-length']);
  const temp = store.tempFile();
  const isMultipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
  try {
    // A raw body whose declared length is already over the limit is refused without reading it.
    if (!isMultipart && Number.isFinite(declared) && declared > max) throw ERRORS.tooLarge();
    const file = isMultipart ? await receiveMultipart(req, temp, max, limits) : await receiveRaw(req, temp, max, limits);
    return { temp, ...file };
  } catch (e) {
    req.unpipe();
    await store.removeTemp(temp);
    await drain(req);
    throw e instanceof StorageError ? e : ERRORS.badRequest('Invalid upload body');
  }
}
