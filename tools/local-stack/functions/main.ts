// One Deno process serving every supabase/functions/<name>: `/<name>/…` → that function's
// `handler(req)`. Supabase's edge runtime gives each function the same request path shape
// (`/<name>/…`), so code that routes on the path works here and there. Each function's index.ts
// (`Deno.serve(handler)`) is what a real project runs; we import handler.ts instead so one process
// can host them all.
type Handler = (req: Request) => Promise<Response> | Response;

const FUNCTIONS_DIR = new URL('../../../supabase/functions/', import.meta.url);
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/; // `_shared` and friends are not functions
const handlers = new Map<string, Handler>();

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function exists(url: URL): Promise<boolean> {
  try {
    return (await Deno.stat(url)).isFile;
  } catch {
    return false;
  }
}

async function load(name: string): Promise<Handler | undefined> {
  const cached = handlers.get(name);
  if (cached) return cached;
  const file = new URL(`${name}/handler.ts`, FUNCTIONS_DIR);
  if (!(await exists(file))) return undefined;
  const mod = await import(file.href);
  if (typeof mod.handler !== 'function') throw new Error(`${name}/handler.ts exports no handler()`);
  handlers.set(name, mod.handler);
  return mod.handler;
}

// Load every function before accepting requests: the first request then does not pay for
// compiling and npm downloads, and a broken function shows up in the stack's start log.
for await (const entry of Deno.readDir(FUNCTIONS_DIR)) {
  if (!entry.isDirectory || !NAME.test(entry.name)) continue;
  try {
    await load(entry.name);
  } catch (e) {
    console.error(`function ${entry.name} failed to load: ${e instanceof Error ? e.stack : e}`);
  }
}

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('FUNCTIONS_PORT') ?? 54330),
    onListen: () => undefined, // the stack logs readiness itself
  },
  async (req) => {
    const name = new URL(req.url).pathname.split('/')[1] ?? '';
    if (!NAME.test(name)) return json(404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
    let handler: Handler | undefined;
    try {
      handler = await load(name);
    } catch (e) {
      console.error(`function ${name} failed to load:`, e);
      return json(500, { code: 'BOOT_ERROR', message: 'Function failed to start (please check logs)' });
    }
    if (!handler) return json(404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
    try {
      return await handler(req);
    } catch (e) {
      // Same as the edge runtime: an uncaught exception is the function's 500, not a crash of all.
      console.error(`function ${name} threw:`, e);
      return json(500, { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' });
    }
  },
);
