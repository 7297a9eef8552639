// WeChat mini-program: wx.requestSubscribeMessage from a tap. Each accepted template lets the
// server send one message (the server counts the grants); a refusal or a closed dialog is not an error.
import Taro from '@tarojs/taro';
import type { SubscribeMessages } from './subscribe-message.types';

export const subscribeMessages: SubscribeMessages = {
  supported: true,
  async request(templateIds) {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, string>;
      return templateIds.filter((id) => res[id] === 'accept');
    } catch {
      return [];
    }
  },
};
