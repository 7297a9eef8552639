// Request body of wechat-login. Codes from wx.login / getPhoneNumber are short opaque strings.
import { z } from 'npm:zod@3';

export const WxCode = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

export const WechatLoginRequest = z.object({
  /** `wx.login()` → res.code */
  code: WxCode,
  /** `<Button openType="getPhoneNumber">` → e.detail.code; needed only until the openid is linked */
  phone_code: WxCode.optional(),
}).strict();
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>;
