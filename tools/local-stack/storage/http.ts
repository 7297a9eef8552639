// Small request/response helpers for the storage routes (no framework: the gateway hands us raw
// node requests).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERRORS, StorageError } from './errors';

/** JSON bodies of the management endpoints are tiny; anything larger is a client error. */
const MAX_JSON_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, e: StorageError, head = false): void {
  if (head) {
    if (!res.headersSent) res.writeHead(e.httpStatus);
    res.end();
    return;
  }
  sendJson(res, e.httpStatus, e.render());
}

/** Reads the whole body, refusing more than `limit` bytes (then drains the rest without keeping it). */
export async function readBody(req: IncomingMessage, limit = MAX_JSON_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) over = true;
    if (!over) chunks.push(buf);
  }
  if (over) throw ERRORS.tooLarge();
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; Storage answers schema violations with 400 "body must be object". */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw ERRORS.badRequest('Body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw ERRORS.badRequest('body must be object');
  }
  return parsed as Record<string, unknown>;
}

/** Drains an unread request body so the client sees our answer instead of a reset connection. */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  try {
    for await (const _ of req) {
      // discard
    }
  } catch {
    // the client went away; nothing to answer
  }
}

// ------------------------------------------------------------------ body field readers
// Each throws Storage's schema-style 400 when a field has the wrong type.

export function optString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw ERRORS.badRequest(`body/${key} must be string`);
  return v;
}

export function reqString(body: Record<string, unknown>, key: string): string {
  const v = optString(body, key);
  if (v === undefined) throw ERRORS.badRequest(`body must have required property '${key}'`);
  return v;
}

export function optBool(body: Record<string, unknown>, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw ERRORS.badRequest(`body/${key} must be boolean`);
  return v;
}

export function optInt(body: Record<string, unknown>, key: string, min: number, max = 2 ** 31 - 1): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw ERRORS.badRequest(`body/${key} must be integer >= ${min}`);
  }
  return v;
}

export function optStringArray(body: Record<string, unknown>, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw ERRORS.badRequest(`body/${key} must be array of strings`);
  return v as string[];
}

export function reqStringArray(body: Record<string, unknown>, key: string): string[] {
  const v = optStringArray(body, key);
  if (v === undefined) throw ERRORS.badRequest(`body must have required property '${key}'`);
  return v;
}
