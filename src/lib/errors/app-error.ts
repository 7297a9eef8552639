/**
 * An error the UI can show: `code` is a stable English identifier for logic and tests,
 * `message` is the Chinese text for people.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const NETWORK_ERROR_MESSAGE = '网络异常，请重试';
export const UNKNOWN_ERROR_MESSAGE = '操作失败，请稍后重试';

export function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : UNKNOWN_ERROR_MESSAGE;
}
