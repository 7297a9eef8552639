import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// Output per platform so weapp, h5 and qywx builds can coexist (dist/weapp is what WeChat DevTools opens).
const taroEnv = process.env.TARO_ENV ?? 'h5';

// TARO_APP_* values (Supabase URL and key, local mode) are inlined into modules, so builds against
// different stacks must not share a persistent cache: a module cached for one would be reused for
// the other. The checkout's path goes in too: worktrees sharing one node_modules share its cache
// folder, and two builds writing the same pack at once corrupt it.
const appEnvHash = createHash('sha256')
  .update(JSON.stringify(Object.entries(process.env).filter(([k]) => k.startsWith('TARO_APP_')).sort()))
  .update(path.resolve(__dirname, '..'))
  .digest('hex')
  .slice(0, 12);

// The route table and the gate codes live with the edge functions (Deno deploys only
// supabase/functions) and are imported by src/lib/routes.ts and src/lib/data/gate.ts: Babel must
// compile them like files under src.
const SHARED_APP_CODE = ['routes.ts', 'gate-codes.ts'].map((file) => path.resolve(__dirname, '..', 'supabase/functions/_shared', file));

// The app and page configs (and what app.config.ts builds them from: the route table and the tab
// registry) are read when the build starts and handed to Taro's loaders as options, which the
// persistent cache does not see: without these as build dependencies a changed tab bar or page list
// is served from the cache (the H5 entry kept an old tabBar). Any change to them starts a fresh cache.
const SRC = path.resolve(__dirname, '..', 'src');
const configFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : configFiles(full);
    return /\.config\.ts$/.test(entry.name) ? [full] : [];
  });
const APP_CONFIG_INPUTS = [...configFiles(SRC), path.join(SRC, 'lib/tabs.ts'), path.join(SRC, 'lib/routes.ts'), ...SHARED_APP_CODE];

// The standard URL / URLSearchParams the mini-program builds provide instead of Taro's (webpackChain).
const WEB_URL = path.resolve(__dirname, 'web-url.js');

// NutUI's styles are written against a 375 px design; ours too, so one width serves both.
const DESIGN_WIDTH = 375;

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhixiang',
    date: '2026-11-22',
    designWidth: DESIGN_WIDTH,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // ZX_OUTPUT_ROOT lets parallel builds (tests, a second checkout) avoid overwriting each other.
    outputRoot: process.env.ZX_OUTPUT_ROOT ?? `dist/${taroEnv}`,
    plugins: ['@tarojs/plugin-platform-weapp-qy'],
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      // Persistent cache, one per platform, mode and TARO_APP_* environment (all inlined into modules).
      enable: true,
      name: `${taroEnv}-${mode}-${appEnvHash}`,
      buildDependencies: { config: [__filename, path.resolve(__dirname, '..', 'babel.config.js')], appConfig: APP_CONFIG_INPUTS },
    },
    mini: {
      compile: { include: SHARED_APP_CODE },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        // Taro swaps every bare URL/URLSearchParams for its own http(s)-only version; supabase-js
        // builds `new URL('ws://…')` for realtime in createClient and would throw. Standard versions
        // instead, plus Headers, which mini-program runtimes lack.
        chain.plugin('providerPlugin').tap((args: Array<Record<string, string | string[]>>) => {
          const provided = { ...(args[0] ?? {}) };
          // both from one module, initialised in a fixed order (see config/web-url.js)
          provided.URL = [WEB_URL, 'URL'];
          provided.URLSearchParams = [WEB_URL, 'URLSearchParams'];
          provided.Headers = ['headers-polyfill', 'Headers'];
          return [provided];
        });
      },
    },
    h5: {
      compile: { include: SHARED_APP_CODE },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // React components rendering plain HTML (<input>, <button>…) instead of Stencil web
      // components: lighter, and labels/test ids land on the real form controls.
      useHtmlComponents: true,
      // src/index.html places the stylesheet and script tags itself (after the inline app shell,
      // scripts preloaded and run once the shell has painted): see the comments there.
      htmlPluginOption: { inject: false },
      webpackChain(chain) {
        // Taro splits only initial chunks; pages are async chunks, so each page carried its own
        // copy of NutUI and the Taro components. Share them between pages as well. Taro's minSize
        // of 0 split every shared module into its own file (24 requests for the home page, many
        // under 1 KB): over HTTP/1.1's six connections a page then waited for four rounds of
        // requests. webpack's default 20 KB keeps small shared modules in their users' chunks
        // (home: 12 requests; bench/README.md, "LCP").
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 20000 });
        // supabase-js builds its realtime and storage clients in createClient: without these, every
        // page (the home tab included) fetched realtime-js + phoenix (17 KB gzip, no page opens a
        // channel) and storage-js (7 KB, used for signed URLs in the knowledge base and training),
        // issue 13's "home JS until idle" budget. Storage is fetched on first use instead; realtime
        // is left out (see the two files). `$`: exact match, so the stand-in can import the real
        // storage-js by its deep path.
        chain.resolve.alias
          .set('@supabase/realtime-js$', path.resolve(__dirname, '..', 'src/lib/supabase/realtime-off.ts'))
          .set('@supabase/storage-js$', path.resolve(__dirname, '..', 'src/lib/supabase/storage-deferred.ts'));
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // The root font size follows the shorter side of the window (20 px at 375): capped at 22 px
        // (a 412 px phone), a computer's window does not blow the app up to twice its size; the
        // desk layouts (admin, ops) use the width instead.
        pxtransform: { enable: true, config: { maxRootSize: 22 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
