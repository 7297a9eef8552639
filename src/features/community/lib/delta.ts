// Post bodies are Quill Deltas (docs/api.md › Community), the shared rich-text format of
// src/ui/rich-text: edited with its RichEditor, rendered with its DeltaView. A post body carries
// text and formatting only; pictures go in the post's image grid, through WeChat's media check.
export type { Delta } from '../../../ui/rich-text';

/** The first `max` characters of the plain text, on one line (feed excerpts). */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
