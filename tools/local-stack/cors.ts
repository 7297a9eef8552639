// Kong's cors plugin as Supabase configures it: any origin, request headers echoed. Shared by the
// Node gateway (gateway.ts) and the nginx edge in front of it (edge.ts).
export const ALLOW_HEADERS =
  'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, ' +
  'x-upsert, cache-control, x-supabase-api-version, accept, accept-language, content-language, x-requested-with';
export const EXPOSE_HEADERS =
  'Content-Length, Content-Range, Content-Type, Content-Disposition, Content-Location, ETag, Location, ' +
  'Preference-Applied, Range-Unit, X-Supabase-Api-Version, X-Total-Count';
