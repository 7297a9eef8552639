// WeCom (企业微信) runs the WeChat mini-program runtime: same adapters.
export { supabaseRuntime, appFetch } from './supabase-runtime.weapp';
