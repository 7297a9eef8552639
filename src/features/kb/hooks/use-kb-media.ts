import { useEffect, useState } from 'react';
import { mediaRefs } from '../../../ui/rich-text';
import { kbMediaUrl } from '../services/kb-files.service';

/**
 * Signed links for the `kb/…` images and videos of a page (Storage checks the reader's right for
 * each); `resolve` gives DeltaView what to load: the link, an https URL as it is, else nothing.
 */
export function useKbMedia(delta: unknown, sign: (ref: string) => Promise<string> = kbMediaUrl) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const refs = mediaRefs(delta).filter((ref) => ref.startsWith('kb/'));
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
  }, [key]);
  return (src: string): string | undefined => (src.startsWith('kb/') ? urls[src] : src.startsWith('https://') ? src : undefined);
}
