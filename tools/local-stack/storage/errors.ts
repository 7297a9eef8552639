// Errors rendered the way Supabase Storage renders them: the body carries the logical status as a
// string (`statusCode: "404"`), a code and a message, while the HTTP status is 400 for every
// client error and 500 only for internal ones (Storage's error handler sends `userStatusCode`).
// supabase-js reads both: `error.status` (HTTP) and `error.statusCode` (body).

export class StorageError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly error?: string,
    /** fastify's own answers (unknown route) keep their real HTTP status */
    private readonly http?: number,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return this.http ?? (this.statusCode >= 500 ? 500 : 400);
  }

  render(): Record<string, string> {
    return { statusCode: String(this.statusCode), code: this.code, error: this.error ?? this.code, message: this.message };
  }
}

export const ERRORS = {
  noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  invalidKey: (key: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () => new StorageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message),
  accessDenied: (message: string) => new StorageError(403, 'AccessDenied', message, 'Unauthorized'),
  rlsDenied: () => new StorageError(403, 'AccessDenied', 'new row violates row-level security policy', 'Unauthorized'),
  duplicate: () => new StorageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketExists: () => new StorageError(409, 'BucketAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketNotEmpty: () => new StorageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  tooLarge: () => new StorageError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large'),
  invalidMime: (mime: string) => new StorageError(415, 'InvalidMimeType', `mime type ${mime} is not supported`, 'invalid_mime_type'),
  invalidSignature: () => new StorageError(400, 'InvalidSignature', 'The url do not match the signature'),
  invalidFileSizeLimit: () =>
    new StorageError(400, 'InvalidRequest', 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  invalidRange: () => new StorageError(400, 'InvalidRange', 'invalid range provided', 'invalid_range'),
  noContent: () => new StorageError(400, 'InvalidRequest', 'No content provided'),
  /** Storage's request-schema errors (fastify validation) */
  badRequest: (message: string) => new StorageError(400, 'InvalidRequest', message, 'Bad Request'),
  notFoundRoute: (method: string, path: string) =>
    new StorageError(404, 'NotFound', `Route ${method}:${path} not found`, 'Not Found', 404),
  internal: () => new StorageError(500, 'InternalError', 'Internal server error', 'Internal'),
};

interface PgLikeError {
  code?: string;
  message?: string;
}

/**
 * Maps a Postgres error raised while running as the caller's role, like Storage's
 * DBError.fromDBError: RLS and privilege refusals become 403, unique violations 409, bad values 400.
 */
export function fromDbError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const pg = e as PgLikeError;
  switch (pg?.code) {
    case '42501':
      return pg.message?.includes('row-level security') ? ERRORS.rlsDenied() : ERRORS.accessDenied(pg.message ?? 'Access denied');
    case '23505':
      return ERRORS.duplicate();
    case '23503':
      return new StorageError(404, 'InvalidRequest', 'The related resource does not exist');
    case '22P02':
    case '22023':
    case '22003':
    case '22001':
    case '22021':
    case '54000':
      return new StorageError(400, 'InvalidParameter', pg.message || 'Invalid Parameter value');
    case '42704':
      // `set_config('role', …)` with a role the database does not know (a JWT minted with a made-up role)
      return ERRORS.accessDenied(pg.message ?? 'Access denied');
    default:
      return ERRORS.internal();
  }
}
