// H5 and WeCom: no WeChat subscribe messages (WeCom members get app messages instead).
import type { SubscribeMessages } from './subscribe-message.types';

export const subscribeMessages: SubscribeMessages = {
  supported: false,
  request: async () => [],
};
