/** What the data layer knows about a failure besides its code and text. */
export interface AppErrorDetails {
  /** the HTTP status the server answered (0: no answer, e.g. offline) */
  status?: number;
  /** true when the server refused because the caller is not cleared (agreements, guardian, standing) */
  gateRefusal?: boolean;
}

/**
 * An error the UI can show: `code` is a stable English identifier for logic and tests,
 * `message` is the Chinese text for people. Built by the data layer (src/lib/data/errors.ts).
 */
export class AppError extends Error {
  readonly status: number;
  readonly gateRefusal: boolean;

  constructor(
    readonly code: string,
    message: string,
    details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = details.status ?? 0;
    this.gateRefusal = details.gateRefusal ?? false;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络异常，请重试';
export const UNKNOWN_ERROR_MESSAGE = '操作失败，请稍后重试';

export function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : UNKNOWN_ERROR_MESSAGE;
}
