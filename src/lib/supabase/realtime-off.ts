// H5 only (config/index.ts aliases `@supabase/realtime-js` here): supabase-js builds a realtime
// client in createClient and hands it each new access token, so realtime-js and phoenix (17 KB
// gzip) were fetched by every page, the home tab included. The app opens no channel on any page;
// this stand-in takes the tokens and refuses channels loudly, so a feature that starts using
// realtime on H5 finds out here (remove the alias in config/index.ts then).
export class RealtimeClient {
  constructor(_url: string, _options?: unknown) {}

  setAuth(_token?: string | null): Promise<void> {
    return Promise.resolve();
  }

  channel(): never {
    throw new Error('Realtime is not bundled in the H5 build: remove the @supabase/realtime-js alias in config/index.ts');
  }

  getChannels(): [] {
    return [];
  }

  removeChannel(): Promise<'ok'> {
    return Promise.resolve('ok');
  }

  removeAllChannels(): Promise<[]> {
    return Promise.resolve([]);
  }
}
