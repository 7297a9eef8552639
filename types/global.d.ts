/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | 'qywx' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    TARO_APP_ID?: string;
    /** Supabase API URL, inlined at build time from .env.<mode> or the shell */
    TARO_APP_SUPABASE_URL?: string;
    /** Supabase anon (publishable) key, inlined at build time */
    TARO_APP_SUPABASE_ANON_KEY?: string;
    /** 'true' only against the local stack: enables the SMS outbox helper on the sign-in page */
    TARO_APP_LOCAL_STACK?: string;
  }
}
