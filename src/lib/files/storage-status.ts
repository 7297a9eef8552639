// Supabase Storage answers most refusals with HTTP 400 and puts the real status in the body as a
// string (`{"statusCode":"413","error":"Payload too large",...}`), on hosted and locally alike.
// Taro.uploadFile hands the body over as text, so the status has to be read from there. Shared by
// every feature that uploads (qualification documents, birth-date evidence).

/** The status Storage meant: the body's `statusCode` when it has one, else the HTTP status. */
export function storageStatus(httpStatus: number, body: unknown): number {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return httpStatus;
    }
  }
  const code = (parsed as { statusCode?: unknown } | null)?.statusCode;
  const n = typeof code === 'string' || typeof code === 'number' ? Number(code) : NaN;
  return Number.isInteger(n) && n >= 400 && n <= 599 ? n : httpStatus;
}
