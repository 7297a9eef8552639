// WeCom: no WeChat subscribe messages here (WeCom members get app messages from the server instead).
import type { SubscribeMessages } from './subscribe-message.types';

export const subscribeMessages: SubscribeMessages = {
  supported: false,
  request: async () => [],
};
