// The mini-program logic layer around the compiled build: WeChat's own module system (each file
// gets `require`/`module`/`exports`, nothing from Node), the `App`/`getApp`/`Page`/
// `getCurrentPages` globals, and app.js booted with onLaunch/onShow as WeChat does.
import fs from 'node:fs';
import path from 'node:path';

interface MiniModule {
  exports: unknown;
}

/** Page instances in stack order; getCurrentPages() answers from here. */
export type PageInstance = Record<string, unknown> & { route?: string };

export interface MiniRuntime {
  distDir: string;
  /** runs a build file once per runtime, like WeChat's module loader */
  requireFile(file: string): unknown;
  app(): Record<string, unknown>;
  pages: PageInstance[];
  /** the globals WeChat provides to every file */
  globals: Record<string, unknown>;
}

/**
 * A loader for the build's CommonJS-style files. Files run through `new Function` in this realm,
 * so they see exactly the globals the harness leaves (no Node `require`, `process` aside).
 */
function createLoader(distDir: string) {
  const cache = new Map<string, MiniModule>();
  const resolveFile = (from: string, request: string): string => {
    const base = request.startsWith('/') ? path.join(distDir, request) : path.resolve(path.dirname(from), request);
    const file = base.endsWith('.js') ? base : `${base}.js`;
    if (!file.startsWith(distDir + path.sep)) throw new Error(`mini-program require outside the package: ${request}`);
    return file;
  };
  const load = (file: string): unknown => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const mod: MiniModule = { exports: {} };
    cache.set(file, mod);
    const source = fs.readFileSync(file, 'utf8');
    // WeChat evaluates each file as a function of (require, module, exports) too.
    const run = new Function('require', 'module', 'exports', `${source}\n//# sourceURL=${file}`) as (
      r: (request: string) => unknown,
      m: MiniModule,
      e: unknown,
    ) => void;
    run((request) => load(resolveFile(file, request)), mod, mod.exports);
    return mod.exports;
  };
  return { load, resolveFile };
}

/**
 * Taro emits `Page(options)` with lifecycles and handlers at the top level. miniprogram-simulate
 * renders Components only, so the page becomes a Component whose methods are all its functions;
 * the harness then drives onLoad/onShow/onReady itself, in WeChat's order.
 */
export function pageToComponent(options: Record<string, unknown>): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') methods[key] = value;
    else if (key !== 'data') fields[key] = value;
  }
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      // Plain fields of the page object (Taro keeps its page config there) belong on the instance.
      created(this: Record<string, unknown>) {
        Object.assign(this, fields);
      },
    },
  };
}

export function createMiniRuntime(distDir: string): MiniRuntime {
  const root = path.resolve(distDir);
  const loader = createLoader(root);
  const pages: PageInstance[] = [];
  let appInstance: Record<string, unknown> | undefined;

  const globals: Record<string, unknown> = {
    App(options: Record<string, unknown>) {
      if (appInstance) throw new Error('App() called twice');
      appInstance = options;
    },
    getApp() {
      return appInstance;
    },
    Page(options: Record<string, unknown>) {
      // miniprogram-simulate's Component, looked up at call time: simulate sets it when required.
      const component = (globalThis as Record<string, unknown>).Component as (def: unknown) => void;
      component(pageToComponent(options));
    },
    getCurrentPages() {
      return [...pages];
    },
    requirePlugin() {
      throw new Error('plugins are not available in the harness');
    },
  };

  return {
    distDir: root,
    requireFile: (file) => loader.load(loader.resolveFile(path.join(root, 'app.js'), `./${file.replace(/\\/g, '/')}`)),
    app() {
      if (!appInstance) throw new Error('app.js did not call App()');
      return appInstance;
    },
    pages,
    globals,
  };
}

/** Boots the app as WeChat does: run app.js (which pulls in runtime/taro/vendors/common), then onLaunch and onShow. */
export function launchApp(runtime: MiniRuntime, launch: { path: string; query?: Record<string, string> }): void {
  runtime.requireFile('app.js');
  const app = runtime.app();
  const options = { path: launch.path, query: launch.query ?? {}, scene: 1001, referrerInfo: {} };
  (app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, options);
  (app.onShow as ((o: unknown) => void) | undefined)?.call(app, options);
}
