/** WeChat subscribe messages: only the mini-program can ask (wx.requestSubscribeMessage). */
export interface SubscribeMessages {
  supported: boolean;
  /** asks for these templates (≤ 3, from a tap); resolves with the ones the member accepted */
  request(templateIds: string[]): Promise<string[]>;
}
