import { NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../errors/app-error';

/** Stable English code → the Chinese text people read. One table per module (`<module>.messages.ts`). */
export type MessageTable = Readonly<Record<string, string>>;

/** How a module's failures become AppErrors: its message table, and whose wording wins. */
export interface ModuleMessages {
  /** the module's codes (docs/api.md) → Chinese */
  messages: MessageTable;
  /**
   * true: the server's Chinese text (an RPC's `hint`, a function's `message`) wins and the table
   * covers a missing one; use it where one code covers several situations the server tells apart.
   * false (default): the table wins (consistent wording), the server's text covers codes it lacks.
   */
  serverTextFirst?: boolean;
  /** false for calls made before there is a session (sign-in): they never signal a gate refusal */
  signalsGate?: boolean;
}

/** Codes the data layer itself produces, for every module. */
export const COMMON_MESSAGES: MessageTable = {
  network: NETWORK_ERROR_MESSAGE,
  invalid_request: '请求参数有误，请检查后重试',
  rpc_missing: '服务暂不可用，请稍后再试',
  empty_response: UNKNOWN_ERROR_MESSAGE,
  unknown: UNKNOWN_ERROR_MESSAGE,
};
