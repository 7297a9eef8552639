// One simulated WeChat client around the compiled weapp build: the view layer (miniprogram-simulate
// rendering the real .wxml through the official wcc compiler, on a jsdom document), the logic layer
// (app.js and page files run by a WeChat-style loader), and `wx` bridged to the live stack.
//
// While a harness is open, the Node globals a mini-program lacks are deleted, so anything the
// bundle needs it must bring itself. `close()` restores them.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as nodeSetTimeout } from 'node:timers';
import { JSDOM } from 'jsdom';
import { createWxBridge, type WxBridge } from './wx-bridge';
import { createMiniRuntime, launchApp, type MiniRuntime, type PageInstance } from './mini-runtime';
import { removeGlobals, setGlobals } from './node-globals';
import { PageDriver, type DispatchEvent, type RenderedComponent } from './page-driver';
import { createTrackedTimers } from './timers';

/** `<repo>/dist/weapp` unless ZX_WEAPP_DIR points elsewhere (scripts/test.mjs builds it first). */
export function weappDir(): string {
  return path.resolve(process.env.ZX_WEAPP_DIR ?? path.resolve(__dirname, '../../../dist/weapp'));
}

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string): RenderedComponent & { attach(parent: unknown): void; detach(): void };
}

interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(node: unknown, event: unknown): void;
  };
}

interface SimulateUtils {
  runJs(file: string): void;
}

let simulateModule: { simulate: Simulate; utils: SimulateUtils; exparser: Exparser; Component: unknown } | undefined;

/**
 * miniprogram-simulate wants a DOM (`window`, `document`) when required and sets its own
 * `Component` and `wx`; require it once, keep its Component, and drop its wx (a mock API surface
 * that would hide what our bridge does not offer).
 */
function loadSimulate(view: JSDOM): NonNullable<typeof simulateModule> {
  if (simulateModule) return simulateModule;
  const restore = setGlobals({ window: view.window, document: view.window.document });
  try {
    // Required lazily: miniprogram-simulate touches window/document as it loads.
    const simulate = require('miniprogram-simulate') as Simulate;
    const utils = require('miniprogram-simulate/src/utils') as SimulateUtils;
    // The exparser instance j-component renders with (same module registry, same instance).
    const exparser = require('miniprogram-exparser') as Exparser;
    const g = globalThis as Record<string, unknown>;
    simulateModule = { simulate, utils, exparser, Component: g.Component };
    delete g.wx;
    delete g.Component;
    delete g.Behavior;
    delete g.Touch;
    return simulateModule;
  } finally {
    restore();
  }
}

export interface Harness {
  bridge: WxBridge;
  runtime: MiniRuntime;
  /** Opens a page of the build (route without extension, e.g. 'pages/login/index'). */
  openPage(route: string, query?: Record<string, string>): Promise<PageDriver>;
  /** What the app (and the view layer) wrote to the console, kept out of jest's output. */
  logs: string[];
  /** Waits until no wx.request is in flight and timers queued by the app have run. */
  settle(): Promise<void>;
  close(): void;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 2000) ?? String(value);
  } catch {
    return String(value);
  }
}

// Node's own timers: the harness's waiting must not be cleared with the app's timers.
const sleep = (ms: number) => new Promise<void>((resolve) => nodeSetTimeout(resolve, ms));

export function openHarness(options: {
  distDir?: string;
  launchPath: string;
  /** wx storage as the app finds it at launch (e.g. a session saved by an earlier sign-in) */
  storage?: Record<string, unknown>;
}): Harness {
  const distDir = path.resolve(options.distDir ?? weappDir());
  if (!fs.existsSync(path.join(distDir, 'app.js'))) {
    throw new Error(
      `no weapp build at ${distDir}: run \`TARO_APP_SUPABASE_URL=<stack url> TARO_APP_LOCAL_STACK=true npx taro build --type weapp\` or set ZX_WEAPP_DIR`,
    );
  }
  const view = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  const { simulate, utils, exparser, Component } = loadSimulate(view);
  // j-component's own dispatchEvent goes through a DOM CustomEvent first and, in this setup,
  // never reaches the exparser handlers; dispatching on the exparser node is what it does next.
  const dispatch: DispatchEvent = (node, name, detail) =>
    exparser.Event.dispatchEvent(node, exparser.Event.create(name, detail, { bubbles: true, composed: true, capturePhase: true }));
  const bridge = createWxBridge();
  for (const [key, value] of Object.entries(options.storage ?? {})) bridge.storage.set(key, value);
  const runtime = createMiniRuntime(distDir);
  const timers = createTrackedTimers();
  const logs: string[] = [];
  // jest prints a code frame of the minified bundle for every console call: record instead.
  const record = (level: string) => (...args: unknown[]) => {
    logs.push(`${level}: ${args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : safeJson(a))).join(' ')}`);
  };
  const appConsole = { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug'), trace: record('trace') };

  // The view layer's DOM is only for miniprogram-simulate/j-component; the app code reaches its
  // own window/document through Taro's runtime, as on a phone.
  const w = view.window as unknown as Record<string, unknown>;
  const restoreGlobals = setGlobals({
    window: view.window,
    document: view.window.document,
    CustomEvent: w.CustomEvent,
    TouchEvent: w.TouchEvent,
    Component,
    wx: bridge.wx,
    console: { ...console, ...appConsole },
    ...timers.globals,
    ...runtime.globals,
  });
  const restoreNode = removeGlobals();
  // Page files go through the WeChat-style loader instead of Node's require.
  const originalRunJs = utils.runJs;
  utils.runJs = (file: string) => void runtime.requireFile(path.relative(distDir, file));

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    utils.runJs = originalRunJs;
    timers.clearAll();
    bridge.close();
    restoreNode();
    restoreGlobals();
    view.window.close();
  };

  try {
    launchApp(runtime, { path: options.launchPath });
  } catch (error) {
    close();
    throw error;
  }

  const settle = async () => {
    do {
      await sleep(20);
    } while (bridge.inFlight() > 0);
    await sleep(20);
  };

  const openPage = async (route: string, query: Record<string, string> = {}) => {
    const id = simulate.load(path.join(distDir, route), { compiler: 'official', rootPath: distDir });
    const rendered = simulate.render(id);
    rendered.attach(view.window.document.createElement('parent-wrapper'));
    const page = rendered.instance as PageInstance;
    // What WeChat puts on a page instance before onLoad; Taro's router reads `route`.
    page.route = route;
    page.__route__ = route;
    page.options = query;
    runtime.pages.push(page);
    const call = (name: string, ...args: unknown[]) => (page[name] as ((...a: unknown[]) => void) | undefined)?.apply(page, args);
    call('onLoad', query);
    call('onShow');
    call('onReady');
    await settle();
    return new PageDriver(rendered, dispatch, settle);
  };

  return { bridge, runtime, logs, openPage, settle, close };
}
