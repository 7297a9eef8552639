import { createMiniWebSocketClass, type MiniSocketTask } from '../taro-websocket';

function fakeSocketTask() {
  const handlers: Record<string, (arg: never) => void> = {};
  const sent: unknown[] = [];
  let closedWith: unknown = null;
  const task: MiniSocketTask = {
    send: ({ data }) => void sent.push(data),
    close: (options) => {
      closedWith = options;
    },
    onOpen: (cb) => void (handlers.open = cb as never),
    onMessage: (cb) => void (handlers.message = cb as never),
    onClose: (cb) => void (handlers.close = cb as never),
    onError: (cb) => void (handlers.error = cb as never),
  };
  return { task, handlers, sent, closedWith: () => closedWith };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WebSocket-shaped transport over Taro.connectSocket', () => {
  it('opens, relays messages both ways and closes like a WebSocket', async () => {
    const fake = fakeSocketTask();
    const WS = createMiniWebSocketClass(() => Promise.resolve(fake.task));
    const socket = new WS('ws://127.0.0.1:1/realtime/v1/websocket?vsn=1.0.0');
    const events: string[] = [];
    socket.onopen = () => events.push('open');
    socket.addEventListener('message', (event) => events.push(`message:${(event as { data: string }).data}`));
    socket.onclose = (event) => events.push(`close:${(event as { code: number }).code}`);

    expect(socket.readyState).toBe(WS.CONNECTING);
    expect(() => socket.send('early')).toThrow('WebSocket is not open');
    await flush();
    (fake.handlers.open as () => void)();
    expect(socket.readyState).toBe(WS.OPEN);
    socket.send('{"event":"phx_join"}');
    (fake.handlers.message as (r: { data: string }) => void)({ data: 'hello' });
    socket.close(1000, 'bye');
    (fake.handlers.close as (r: { code: number; reason: string }) => void)({ code: 1000, reason: 'bye' });

    expect(fake.sent).toEqual(['{"event":"phx_join"}']);
    expect(fake.closedWith()).toEqual({ code: 1000, reason: 'bye' });
    expect(events).toEqual(['open', 'message:hello', 'close:1000']);
    expect(socket.readyState).toBe(WS.CLOSED);
  });

  it('reports a failed connect as error then close', async () => {
    const WS = createMiniWebSocketClass(() => Promise.reject({ errMsg: 'connectSocket:fail url not in domain list' }));
    const socket = new WS('wss://example.com/socket');
    const events: string[] = [];
    socket.onerror = () => events.push('error');
    socket.onclose = () => events.push('close');
    await flush();
    expect(events).toEqual(['error', 'close']);
    expect(socket.readyState).toBe(WS.CLOSED);
  });
});
