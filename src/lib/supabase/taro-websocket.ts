// A WebSocket-shaped class over Taro.connectSocket. supabase-js builds its realtime client in
// createClient and needs a transport even when no channel is opened.

export interface MiniSocketTask {
  send(options: { data: string | ArrayBuffer }): void;
  close(options: { code?: number; reason?: string }): void;
  onOpen(callback: () => void): void;
  onMessage(callback: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(callback: (result: { code: number; reason: string }) => void): void;
  onError(callback: (result: { errMsg: string }) => void): void;
}

export type MiniConnectSocket = (options: { url: string; protocols?: string[] }) => Promise<MiniSocketTask>;

type Listener = (event: unknown) => void;

export function createMiniWebSocketClass(connect: MiniConnectSocket) {
  return class MiniWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readyState = 0;
    readonly protocol = '';
    binaryType = 'arraybuffer';
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: unknown) => void) | null = null;
    onclose: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    private task: MiniSocketTask | null = null;
    private readonly listeners: Record<string, Listener[]> = {};

    constructor(
      readonly url: string,
      protocols?: string | string[],
    ) {
      const list = protocols === undefined ? undefined : Array.isArray(protocols) ? protocols : [protocols];
      connect({ url, protocols: list }).then(
        (task) => this.attach(task),
        (error: { errMsg?: string }) => {
          this.emit('error', { type: 'error', message: error?.errMsg });
          this.readyState = this.CLOSED;
          this.emit('close', { type: 'close', code: 1006, reason: error?.errMsg ?? '' });
        },
      );
    }

    private attach(task: MiniSocketTask) {
      this.task = task;
      if (this.readyState === this.CLOSING) {
        task.close({});
        return;
      }
      task.onOpen(() => {
        this.readyState = this.OPEN;
        this.emit('open', { type: 'open' });
      });
      task.onMessage(({ data }) => this.emit('message', { type: 'message', data }));
      task.onError(({ errMsg }) => this.emit('error', { type: 'error', message: errMsg }));
      task.onClose(({ code, reason }) => {
        this.readyState = this.CLOSED;
        this.emit('close', { type: 'close', code, reason, wasClean: code === 1000 });
      });
    }

    private emit(type: 'open' | 'message' | 'close' | 'error', event: unknown) {
      const handler = this[`on${type}`];
      handler?.call(this, event);
      for (const listener of this.listeners[type] ?? []) listener(event);
    }

    send(data: string | ArrayBuffer) {
      if (!this.task || this.readyState !== this.OPEN) throw new Error('WebSocket is not open');
      this.task.send({ data });
    }

    close(code?: number, reason?: string) {
      this.readyState = this.CLOSING;
      this.task?.close({ code, reason });
    }

    addEventListener(type: string, listener: Listener) {
      (this.listeners[type] ??= []).push(listener);
    }

    removeEventListener(type: string, listener: Listener) {
      this.listeners[type] = (this.listeners[type] ?? []).filter((l) => l !== listener);
    }
  };
}
