// Build-time settings. Taro inlines process.env.TARO_APP_* from .env.<mode> (or the shell) as string
// literals, so comparisons below fold to constants and dead branches leave the bundle.
export const SUPABASE_URL: string = (process.env.TARO_APP_SUPABASE_URL ?? '').replace(/\/+$/, '');
export const SUPABASE_ANON_KEY: string = process.env.TARO_APP_SUPABASE_ANON_KEY ?? '';
export const IS_LOCAL_STACK: boolean = process.env.TARO_APP_LOCAL_STACK === 'true';
