// The `wx` object of a WeChat mini-program, as far as the compiled app touches it. Network calls
// are real: wx.request goes over HTTP to the live local stack, with WeChat's rules (its method
// list, its data/dataType/responseType handling, success for every HTTP status, fail only when no
// response arrives), so a bundle that works here only depends on what WeChat really offers.
// Everything else (storage, toasts, navigation, sockets) is recorded for the test to assert on.
import http from 'node:http';
import https from 'node:https';
import { URL as NodeURL } from 'node:url';
import querystring from 'node:querystring';
import { setTimeout as nodeSetTimeout } from 'node:timers';

/** wx.request's `method` enum. WeChat has no PATCH: supabase-js `.update()` cannot work there. */
export const WX_REQUEST_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'] as const;

type Callback<T> = ((result: T) => void) | undefined;
type Json = Record<string, unknown>;

interface AsyncOptions<T = Json> {
  success?: Callback<T>;
  fail?: Callback<{ errMsg: string }>;
  complete?: Callback<T | { errMsg: string }>;
}

export interface WxRequestOptions extends AsyncOptions<WxRequestSuccess> {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, unknown>;
  dataType?: string;
  responseType?: string;
  timeout?: number;
}

export interface WxRequestSuccess {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
  errMsg: string;
}

export interface RecordedRequest {
  method: string;
  url: string;
  statusCode?: number;
  errMsg: string;
}

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack';
  url?: string;
  delta?: number;
}

export interface RecordedSocket {
  url: string;
  protocols?: string[];
  closed: boolean;
}

/** What the app answered through `wx.onNeedPrivacyAuthorization`'s resolve. */
export interface PrivacyResolution {
  event: string;
  buttonId?: string;
}

/**
 * WeChat's privacy authorization as the app sees it: while `needAuthorization`, a privacy API or
 * component (the getPhoneNumber button) first calls the app's onNeedPrivacyAuthorization listener
 * and waits for its resolve. `request()` plays that part: it resolves with the app's final answer.
 */
export interface WxPrivacy {
  needAuthorization: boolean;
  resolutions: PrivacyResolution[];
  contractOpened: number;
  request(): Promise<'agree' | 'disagree' | 'not-needed' | 'no-listener'>;
}

/** A file in the mini-program's temp space (what chooseMedia hands out and uploadFile reads). */
export interface TempFile {
  /** `http://tmp/<name>` like WeChat's temp paths */
  path: string;
  bytes: Buffer;
  contentType: string;
}

export interface WxBridge {
  wx: Record<string, unknown>;
  /**
   * What the person picks in `wx.chooseMedia` / `wx.chooseImage` / `wx.chooseMessageFile`, one batch per call, first in first
   * out (no batch left: the picker is cancelled). `addTempFile` makes the bytes readable by uploadFile.
   */
  chosenMedia: TempFile[][];
  /** the `urls` and `current` of every wx.previewImage */
  previews: Array<{ current?: string; urls: string[] }>;
  /** every wx.uploadFile that got an answer, with its HTTP status */
  uploads: Array<{ url: string; statusCode: number }>;
  /** codes `wx.login` hands out, first in first out (program them in the local fake first) */
  loginCodes: string[];
  /** codes WeCom's `wx.qy.login` hands out (the qywx build), first in first out */
  qyLoginCodes: string[];
  privacy: WxPrivacy;
  /** what the member answers in `wx.requestSubscribeMessage`, per template id (unlisted: 'reject') */
  subscribeAnswers: Record<string, 'accept' | 'reject' | 'ban'>;
  /** the template ids of every `wx.requestSubscribeMessage` call */
  subscribeRequests: string[][];
  storage: Map<string, unknown>;
  requests: RecordedRequest[];
  navigations: Navigation[];
  toasts: Array<Record<string, unknown>>;
  modals: Array<Record<string, unknown>>;
  /** what the app put on the clipboard (wx.setClipboardData), in order */
  clipboard: string[];
  /** what pages asked of a native <editor> through its context, in order */
  editorCalls: Array<{ selector: string; method: string; args: unknown }>;
  sockets: RecordedSocket[];
  /** requests started but not yet answered; lets a test wait until the app is quiet */
  inFlight(): number;
  /** drops kept-alive connections (WeChat reuses them too) so nothing outlives the harness */
  close(): void;
}

function later(fn: () => void): void {
  // WeChat calls back asynchronously, never inside the API call itself.
  nodeSetTimeout(fn, 0);
}

function succeed<T>(options: AsyncOptions<T> | undefined, result: T): void {
  later(() => {
    options?.success?.(result);
    options?.complete?.(result);
  });
}

function failWith(options: AsyncOptions<never> | undefined, errMsg: string): void {
  later(() => {
    options?.fail?.({ errMsg });
    options?.complete?.({ errMsg });
  });
}

function toBody(method: string, data: unknown, contentType: string): Buffer | undefined {
  if (data === undefined || data === null || method === 'GET') return undefined;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // WeChat serialises objects by the request's content-type.
  if (/application\/x-www-form-urlencoded/i.test(contentType)) {
    return Buffer.from(querystring.stringify(data as querystring.ParsedUrlQueryInput), 'utf8');
  }
  return Buffer.from(JSON.stringify(data), 'utf8');
}

function withQuery(url: string, method: string, data: unknown): string {
  // For GET, WeChat turns an object `data` into query parameters.
  if (method !== 'GET' || !data || typeof data !== 'object' || data instanceof ArrayBuffer) return url;
  const query = querystring.stringify(data as querystring.ParsedUrlQueryInput);
  if (!query) return url;
  return url + (url.includes('?') ? '&' : '?') + query;
}

/** Response headers with the server's spelling, as WeChat hands them over. */
function rawHeaders(res: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i];
    const value = res.rawHeaders[i + 1];
    out[name] = name in out ? `${out[name]},${value}` : value;
  }
  return out;
}

function decodeData(body: Buffer, dataType: string, responseType: string): unknown {
  if (responseType === 'arraybuffer') {
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
  }
  const text = body.toString('utf8');
  if (dataType !== 'json') return text;
  // dataType 'json' (WeChat's default): parse if possible, otherwise hand over the text.
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createWxBridge(): WxBridge {
  const storage = new Map<string, unknown>();
  const requests: RecordedRequest[] = [];
  const navigations: Navigation[] = [];
  const toasts: Array<Record<string, unknown>> = [];
  const modals: Array<Record<string, unknown>> = [];
  const clipboard: string[] = [];
  /** What pages asked of a native <editor> through its context (see createSelectorQuery). */
  const editorCalls: Array<{ selector: string; method: string; args: unknown }> = [];
  const sockets: RecordedSocket[] = [];
  const chosenMedia: TempFile[][] = [];
  const tempFiles = new Map<string, TempFile>();
  const previews: Array<{ current?: string; urls: string[] }> = [];
  const uploads: Array<{ url: string; statusCode: number }> = [];
  let inFlight = 0;
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

  function request(options: WxRequestOptions) {
    const method = String(options.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = { method, url: options.url, errMsg: '' };
    requests.push(record);
    let aborted = false;
    // Assigned once the request is validated; abort() may come before or after.
    const sent: { request?: http.ClientRequest } = {};
    const task = {
      abort() {
        aborted = true;
        sent.request?.destroy();
      },
      onHeadersReceived() {},
      offHeadersReceived() {},
      onChunkReceived() {},
      offChunkReceived() {},
    };
    const fail = (errMsg: string) => {
      record.errMsg = errMsg;
      failWith(options, errMsg);
    };

    if (!(WX_REQUEST_METHODS as readonly string[]).includes(method)) {
      // What WeChat's parameter check answers for a method outside its enum.
      fail(`request:fail parameter error: parameter.method should be one of ${WX_REQUEST_METHODS.join(', ')} instead of ${method};`);
      return task;
    }
    let target: NodeURL;
    try {
      target = new NodeURL(withQuery(options.url, method, options.data));
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('protocol');
    } catch {
      fail('request:fail invalid url');
      return task;
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.header ?? {})) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    headers['content-type'] ??= 'application/json';
    // WeChat sends a fixed Referer and no Origin; the server sees a non-browser client.
    headers.referer = 'https://servicewechat.com/touristappid/devtools/page-frame.html';
    const body = toBody(method, options.data, headers['content-type']);
    if (body) headers['content-length'] = String(body.length);
    const dataType = options.dataType ?? 'json';
    const responseType = options.responseType ?? 'text';

    inFlight += 1;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      inFlight -= 1;
      fn();
    };
    const secure = target.protocol === 'https:';
    const transport = secure ? https : http;
    const agent = secure ? agents.https : agents.http;
    const clientRequest = transport.request(target, { method, headers, agent, timeout: options.timeout ?? 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => settle(() => fail(aborted ? 'request:fail abort' : 'request:fail response error')));
      res.on('end', () =>
        settle(() => {
          const result: WxRequestSuccess = {
            data: decodeData(Buffer.concat(chunks), dataType, responseType),
            statusCode: res.statusCode ?? 0,
            header: rawHeaders(res),
            cookies: [],
            errMsg: 'request:ok',
          };
          record.statusCode = result.statusCode;
          record.errMsg = result.errMsg;
          succeed(options, result);
        }),
      );
    });
    sent.request = clientRequest;
    clientRequest.on('timeout', () => clientRequest.destroy(new Error('timeout')));
    clientRequest.on('error', (error) =>
      settle(() => fail(aborted ? 'request:fail abort' : `request:fail ${(error as Error).message}`)),
    );
    if (body) clientRequest.write(body);
    clientRequest.end();
    return task;
  }

  // wx.uploadFile: a multipart/form-data POST of the temp file (field `name`, plus `formData`), over
  // real HTTP like wx.request; success for every HTTP status with `data` as text.
  function uploadFile(options: AsyncOptions<{ data: string; statusCode: number; errMsg: string }> & {
    url: string; filePath: string; name: string; header?: Record<string, unknown>; formData?: Record<string, unknown>;
  }) {
    const progress: Array<(p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void> = [];
    const task = { onProgressUpdate: (cb: (typeof progress)[number]) => void progress.push(cb), offProgressUpdate: () => {}, abort: () => {} };
    const file = tempFiles.get(options.filePath);
    if (!file) {
      failWith(options, `uploadFile:fail file not found ${options.filePath}`);
      return task;
    }
    const boundary = `----wxupload${Date.now().toString(16)}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(options.formData ?? {})) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`));
    }
    const fileName = file.path.split('/').pop();
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="${fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
    const body = Buffer.concat(parts);
    const target = new NodeURL(options.url);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.header ?? {})) if (v !== undefined && v !== null) headers[k] = String(v);
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    headers['content-length'] = String(body.length);
    const transport = target.protocol === 'https:' ? https : http;
    inFlight++;
    const req = transport.request(target, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        inFlight--;
        progress.forEach((cb) => cb({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length }));
        uploads.push({ url: options.url, statusCode: res.statusCode ?? 0 });
        succeed(options, { data: Buffer.concat(chunks).toString('utf8'), statusCode: res.statusCode ?? 0, errMsg: 'uploadFile:ok' });
      });
    });
    req.on('error', (e) => {
      inFlight--;
      failWith(options, `uploadFile:fail ${e.message}`);
    });
    req.end(body);
    return task;
  }

  const pick = (api: string) => (o: AsyncOptions & { count?: number }) => {
    const batch = chosenMedia.shift();
    if (!batch) return failWith(o, `${api}:fail cancel`);
    const files = batch.slice(0, o.count ?? 9);
    files.forEach((f) => tempFiles.set(f.path, f));
    if (api === 'chooseMedia') {
      succeed(o, { type: 'image', tempFiles: files.map((f) => ({ tempFilePath: f.path, size: f.bytes.length, fileType: 'image' })), errMsg: 'chooseMedia:ok' });
    } else if (api === 'chooseMessageFile') {
      // a file from a chat: WeChat hands its original name along with the temp path
      succeed(o, { tempFiles: files.map((f) => ({ path: f.path, name: f.path.split('/').pop(), size: f.bytes.length, type: 'file', time: 0 })), errMsg: 'chooseMessageFile:ok' });
    } else {
      succeed(o, { tempFilePaths: files.map((f) => f.path), tempFiles: files.map((f) => ({ path: f.path, size: f.bytes.length })), errMsg: 'chooseImage:ok' });
    }
  };

  function connectSocket(options: AsyncOptions & { url: string; protocols?: string[] }) {
    // Enough for supabase-js to construct its realtime transport; no realtime server exists here,
    // so the socket never opens. A test that needs realtime must replace this.
    const record: RecordedSocket = { url: options.url, protocols: options.protocols, closed: false };
    sockets.push(record);
    const listeners: Record<string, Array<(result: unknown) => void>> = {};
    const on = (name: string) => (callback: (result: unknown) => void) => {
      (listeners[name] ??= []).push(callback);
    };
    const task = {
      send(sendOptions: AsyncOptions) {
        failWith(sendOptions, 'sendSocketMessage:fail WebSocket is not connected');
      },
      close(closeOptions: AsyncOptions & { code?: number; reason?: string } = {}) {
        if (record.closed) return;
        record.closed = true;
        succeed(closeOptions, { errMsg: 'closeSocket:ok' });
        later(() => listeners.close?.forEach((cb) => cb({ code: closeOptions.code ?? 1000, reason: closeOptions.reason ?? '' })));
      },
      onOpen: on('open'),
      onMessage: on('message'),
      onClose: on('close'),
      onError: on('error'),
    };
    succeed(options, { errMsg: 'connectSocket:ok' });
    return task;
  }

  const navigate = (api: Navigation['api']) => (options: AsyncOptions & { url?: string; delta?: number }) => {
    navigations.push({ api, url: options.url, delta: options.delta });
    succeed(options, { errMsg: `${api}:ok` });
  };

  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 724,
    statusBarHeight: 44,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 16.0',
    platform: 'devtools',
    SDKVersion: '3.5.0',
    safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  };

  const loginCodes: string[] = [];
  const qyLoginCodes: string[] = [];
  const subscribeAnswers: Record<string, 'accept' | 'reject' | 'ban'> = {};
  const subscribeRequests: string[][] = [];
  let privacyListener: ((resolve: (r: PrivacyResolution) => void, info: { referrer: string }) => void) | undefined;
  const privacy: WxPrivacy = {
    needAuthorization: false,
    resolutions: [],
    contractOpened: 0,
    request() {
      if (!privacy.needAuthorization) return Promise.resolve('not-needed');
      const listener = privacyListener;
      if (!listener) return Promise.resolve('no-listener');
      return new Promise((resolve) => {
        later(() =>
          listener(
            (r) => {
              privacy.resolutions.push({ ...r });
              if (r.event === 'agree') privacy.needAuthorization = false;
              if (r.event === 'agree' || r.event === 'disagree') resolve(r.event);
            },
            { referrer: 'getPhoneNumber' },
          ),
        );
      });
    },
  };

  const wx: Record<string, unknown> = {
    request,
    uploadFile,
    chooseMedia: pick('chooseMedia'),
    chooseImage: pick('chooseImage'),
    chooseMessageFile: pick('chooseMessageFile'),
    // still in the base library (no longer maintained, not removed); Taro.arrayBufferToBase64 calls it
    arrayBufferToBase64: (buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64'),
    previewImage: (o: AsyncOptions & { urls?: string[]; current?: string }) => {
      previews.push({ current: o.current, urls: o.urls ?? [] });
      succeed(o, { errMsg: 'previewImage:ok' });
    },
    login: (o: AsyncOptions) => {
      const code = loginCodes.shift();
      if (code) succeed(o, { code, errMsg: 'login:ok' });
      else failWith(o, 'login:fail no code programmed in the bridge');
    },
    // The subscribe-message dialog: at most 3 templates per call, answered as programmed.
    requestSubscribeMessage: (o: AsyncOptions & { tmplIds?: string[] }) => {
      const ids = Array.isArray(o.tmplIds) ? o.tmplIds : [];
      subscribeRequests.push(ids);
      if (ids.length === 0 || ids.length > 3) return failWith(o, 'requestSubscribeMessage:fail invalid tmplIds');
      succeed(o, { ...Object.fromEntries(ids.map((id) => [id, subscribeAnswers[id] ?? 'reject'])), errMsg: 'requestSubscribeMessage:ok' });
    },
    // WeCom's extra namespace (only the qywx build calls it; Taro wraps it as Taro.qy).
    qy: {
      login: (o: AsyncOptions) => {
        const code = qyLoginCodes.shift();
        if (code) succeed(o, { code, errMsg: 'qy.login:ok' });
        else failWith(o, 'qy.login:fail no code programmed in the bridge');
      },
    },
    onNeedPrivacyAuthorization: (listener: typeof privacyListener) => {
      privacyListener = listener;
    },
    getPrivacySetting: (o: AsyncOptions) =>
      succeed(o, { needAuthorization: privacy.needAuthorization, privacyContractName: '《知享小程序隐私保护指引》', errMsg: 'getPrivacySetting:ok' }),
    openPrivacyContract: (o?: AsyncOptions) => {
      privacy.contractOpened += 1;
      succeed(o, { errMsg: 'openPrivacyContract:ok' });
    },
    connectSocket,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: AsyncOptions & { key: string }) =>
      storage.has(o.key) ? succeed(o, { data: storage.get(o.key), errMsg: 'getStorage:ok' }) : failWith(o, 'getStorage:fail data not found'),
    setStorage: (o: AsyncOptions & { key: string; data: unknown }) => {
      storage.set(o.key, o.data);
      succeed(o, { errMsg: 'setStorage:ok' });
    },
    removeStorage: (o: AsyncOptions & { key: string }) => {
      storage.delete(o.key);
      succeed(o, { errMsg: 'removeStorage:ok' });
    },
    showToast: (o: AsyncOptions & Json) => {
      toasts.push({ title: o.title, icon: o.icon });
      succeed(o, { errMsg: 'showToast:ok' });
    },
    hideToast: (o?: AsyncOptions) => succeed(o, { errMsg: 'hideToast:ok' }),
    showLoading: (o?: AsyncOptions) => succeed(o, { errMsg: 'showLoading:ok' }),
    hideLoading: (o?: AsyncOptions) => succeed(o, { errMsg: 'hideLoading:ok' }),
    showModal: (o: AsyncOptions & Json) => {
      modals.push({ title: o.title, content: o.content });
      succeed(o, { confirm: true, cancel: false, errMsg: 'showModal:ok' });
    },
    setClipboardData: (o: AsyncOptions & { data: string }) => {
      clipboard.push(o.data);
      succeed(o, { errMsg: 'setClipboardData:ok' });
    },
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    setNavigationBarTitle: (o?: AsyncOptions) => succeed(o, { errMsg: 'setNavigationBarTitle:ok' }),
    stopPullDownRefresh: (o?: AsyncOptions) => succeed(o, { errMsg: 'stopPullDownRefresh:ok' }),
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: (o: AsyncOptions) => succeed(o, { ...systemInfo, errMsg: 'getSystemInfo:ok' }),
    getWindowInfo: () => ({ ...systemInfo }),
    getDeviceInfo: () => ({ ...systemInfo }),
    getAppBaseInfo: () => ({ ...systemInfo }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 }),
    getLaunchOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    canIUse: () => true,
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    onAppShow: () => {},
    onAppHide: () => {},
    offAppShow: () => {},
    offAppHide: () => {},
    onNetworkStatusChange: () => {},
    getNetworkType: (o: AsyncOptions) => succeed(o, { networkType: 'wifi', errMsg: 'getNetworkType:ok' }),
    createSelectorQuery: () => {
      // Layout does not exist here; answer every measurement with null, as for a detached node.
      // `context` answers with an editor context that records what the page asks of the native
      // <editor> (setContents, format, insertImage), the way WeChat's EditorContext would apply it.
      const contexts: Array<() => void> = [];
      let selector = '';
      const query = {
        in: () => query,
        select: (sel?: string) => {
          selector = sel ?? '';
          return nodesRef;
        },
        selectAll: () => nodesRef,
        selectViewport: () => nodesRef,
        exec: (cb?: (res: unknown[]) => void) => later(() => {
          for (const answer of contexts.splice(0)) answer();
          cb?.([]);
        }),
      };
      const editorContext = (target: string) => ({
        setContents: (o: { delta?: unknown } & AsyncOptions) => {
          editorCalls.push({ selector: target, method: 'setContents', args: o.delta });
          o.success?.({ errMsg: 'setContents:ok' });
        },
        format: (name: string, value?: unknown) => editorCalls.push({ selector: target, method: 'format', args: [name, value] }),
        insertImage: (o: { src?: string } & AsyncOptions) => {
          editorCalls.push({ selector: target, method: 'insertImage', args: o.src });
          o.success?.({ errMsg: 'insertImage:ok' });
        },
      });
      const nodesRef = {
        boundingClientRect: () => query,
        scrollOffset: () => query,
        fields: () => query,
        node: () => query,
        context: (cb?: (res: { context: unknown }) => void) => {
          const target = selector;
          contexts.push(() => cb?.({ context: editorContext(target) }));
          return query;
        },
      };
      return query;
    },
    env: { USER_DATA_PATH: 'http://usr' },
  };

  return {
    wx,
    chosenMedia,
    previews,
    uploads,
    loginCodes,
    qyLoginCodes,
    privacy,
    subscribeAnswers,
    subscribeRequests,
    storage,
    requests,
    navigations,
    toasts,
    modals,
    clipboard,
    editorCalls,
    sockets,
    inFlight: () => inFlight,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
