import type { ModuleMessages } from '../../lib/data';

/** The app shell's reads (home, 我的) raise no codes of their own: the server's text, or the common table. */
export const SHELL_MESSAGES: ModuleMessages = { messages: {}, serverTextFirst: true };
