// The consent channel recorded with every consent. Taro inlines process.env.TARO_ENV at build
// time ('weapp' | 'h5' | 'qywx' …), so each build carries one constant; jest (no TARO_ENV) is h5.
export type Channel = 'h5' | 'weapp' | 'qywx';

export function channelOf(taroEnv: string | undefined): Channel {
  return taroEnv === 'weapp' || taroEnv === 'qywx' ? taroEnv : 'h5';
}

export const CHANNEL: Channel = channelOf(process.env.TARO_ENV);
