import { useSignedMedia } from '../../../ui/rich-text/use-signed-media';
import { kbMediaUrl } from '../services/kb-files.service';

/**
 * Signed links for the `kb/…` images and videos of a page (Storage checks the reader's right for
 * each); `resolve` gives DeltaView what to load: the link, an https URL as it is, else nothing.
 */
export const useKbMedia = (delta: unknown, sign: (ref: string) => Promise<string> = kbMediaUrl) => useSignedMedia(delta, 'kb/', sign);
