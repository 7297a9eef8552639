import { useEffect, useState } from 'react';
import { mediaRefs } from './delta';

/**
 * DeltaView's `resolveMedia` is synchronous, so the storage references of a module's images and
 * videos (those starting with `prefix`, e.g. `kb/`, `training/`) are signed first, in parallel
 * (Storage checks the reader's right for each), and the resolver gives what to load: the signed
 * link, an https URL as it is, else nothing (a reference that could not be signed stays hidden).
 */
export function useSignedMedia(delta: unknown, prefix: string, sign: (ref: string) => Promise<string>) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const refs = mediaRefs(delta).filter((ref) => ref.startsWith(prefix));
  const key = refs.join('|');
  useEffect(() => {
    let live = true;
    void Promise.all(refs.map(async (ref) => [ref, await sign(ref).catch(() => '')] as const)).then((pairs) => {
      if (live) setUrls(Object.fromEntries(pairs.filter(([, url]) => url)));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refs are keyed by their joined text
  }, [key, prefix]);
  return (src: string): string | undefined => (src.startsWith(prefix) ? urls[src] : src.startsWith('https://') ? src : undefined);
}
