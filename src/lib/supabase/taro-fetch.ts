// A fetch for mini-program runtimes (no global fetch there), built on Taro.request / wx.request.
// Only what supabase-js uses: text bodies, headers, status, abort.

/** Methods wx.request accepts. Notably no PATCH: updates must go through RPCs (POST). */
export const MINI_REQUEST_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'] as const;
export type MiniRequestMethod = (typeof MINI_REQUEST_METHODS)[number];

export interface MiniRequestOptions {
  url: string;
  method: MiniRequestMethod;
  header: Record<string, string>;
  data?: string | ArrayBuffer;
  dataType: 'text';
  responseType: 'text';
}

export interface MiniRequestResult {
  statusCode: number;
  data: unknown;
  header?: Record<string, unknown>;
  errMsg?: string;
}

/** The shape of Taro.request's return value: a promise with abort(). */
export type MiniRequest = (options: MiniRequestOptions) => PromiseLike<MiniRequestResult> & { abort?: () => void };

type HeaderSource = RequestInit['headers'] | Record<string, unknown> | undefined;

export class UnsupportedMethodError extends TypeError {
  constructor(method: string) {
    super(`HTTP method ${method} is not supported by wx.request in mini-programs; use an RPC (POST) instead`);
    this.name = 'UnsupportedMethodError';
  }
}

/** Headers given as Headers, [name, value][] or a record → one lower-cased record. */
export function flattenHeaders(source: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  if (!source) return out;
  const put = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  };
  if (Array.isArray(source)) {
    for (const pair of source) put(String(pair[0]), pair[1]);
  } else if (typeof (source as Headers).forEach === 'function' && typeof (source as Headers).get === 'function') {
    (source as Headers).forEach((value, name) => put(name, value));
  } else {
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) put(name, value);
  }
  return out;
}

/** Minimal read-only Headers: case-insensitive, iterable; independent of a global Headers. */
export class ResponseHeaders {
  private readonly map: Record<string, string>;
  constructor(init: Record<string, unknown> | undefined) {
    this.map = flattenHeaders(init);
  }
  get(name: string): string | null {
    return this.map[name.toLowerCase()] ?? null;
  }
  has(name: string): boolean {
    return name.toLowerCase() in this.map;
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of Object.entries(this.map)) callback(value, name);
  }
  entries(): IterableIterator<[string, string]> {
    return Object.entries(this.map)[Symbol.iterator]();
  }
  keys(): IterableIterator<string> {
    return Object.keys(this.map)[Symbol.iterator]();
  }
  values(): IterableIterator<string> {
    return Object.values(this.map)[Symbol.iterator]();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

export class MiniResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: ResponseHeaders;
  readonly redirected = false;
  readonly type = 'basic';
  constructor(
    private readonly body: string,
    readonly status: number,
    headers: Record<string, unknown> | undefined,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = '';
    this.headers = new ResponseHeaders(headers);
  }
  async text(): Promise<string> {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
  clone(): MiniResponse {
    return new MiniResponse(this.body, this.status, Object.fromEntries(this.headers.entries()), this.url);
  }
}

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (typeof (input as Request).url === 'string') return (input as Request).url;
  return String(input);
}

function bodyOf(body: RequestInit['body']): string | ArrayBuffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return body;
  if (ArrayBuffer.isView(body)) {
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
  throw new TypeError('Only string and binary request bodies are supported in mini-programs');
}

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}

function bodyText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === undefined || data === null) return '';
  // A runtime that parsed JSON despite dataType 'text': give the text back.
  return JSON.stringify(data);
}

export function createMiniFetch(request: MiniRequest): typeof fetch {
  const miniFetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<MiniResponse> => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (!(MINI_REQUEST_METHODS as readonly string[]).includes(method)) {
      return Promise.reject(new UnsupportedMethodError(method));
    }
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(abortError());
    let data: string | ArrayBuffer | undefined;
    try {
      data = bodyOf(init.body);
    } catch (error) {
      return Promise.reject(error);
    }
    const url = requestUrl(input);
    const options: MiniRequestOptions = {
      url,
      method: method as MiniRequestMethod,
      header: flattenHeaders(init.headers),
      dataType: 'text',
      responseType: 'text',
    };
    // wx.request turns `data` of a GET into a query string: send it only when there is a body.
    if (data !== undefined) options.data = data;

    return new Promise<MiniResponse>((resolve, reject) => {
      let settled = false;
      const task = request(options);
      const onAbort = () => {
        if (settled) return;
        settled = true;
        task.abort?.();
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort);
      task.then(
        (res) => {
          signal?.removeEventListener('abort', onAbort);
          if (settled) return;
          settled = true;
          resolve(new MiniResponse(bodyText(res.data), res.statusCode, res.header, url));
        },
        (err: { errMsg?: string } | undefined) => {
          signal?.removeEventListener('abort', onAbort);
          if (settled) return;
          settled = true;
          // Same class as a browser's network failure, so callers treat both alike.
          reject(new TypeError(`Network request failed: ${err?.errMsg ?? 'unknown error'}`));
        },
      );
    });
  };
  return miniFetch as unknown as typeof fetch;
}
