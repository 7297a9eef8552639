// Request body of wecom-login: the `wx.qy.login()` code.
import { z } from 'npm:zod@3';
import { WxCode } from '../wechat-login/schema.ts';

export const WecomLoginRequest = z.object({ code: WxCode }).strict();
export type WecomLoginRequest = z.infer<typeof WecomLoginRequest>;
