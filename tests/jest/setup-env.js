// Build-time values Taro inlines into the app (see config/index.ts and .env.*), fixed for tests.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_SUPABASE_URL = 'http://127.0.0.1:55399';
process.env.TARO_APP_SUPABASE_ANON_KEY = 'test-anon-key';
process.env.TARO_APP_LOCAL_STACK = 'false';
