import type { Delta } from './delta';

/** The shared rich-text editor (Quill 2 on H5, the native <editor> on weapp / qywx). */
export interface RichEditorProps {
  /** Content when the editor opens (remount with a new `key` to replace it, e.g. after an import). */
  initial: Delta;
  /** Every change, as the Delta to store (images by their storage reference, editor noise removed). */
  onChange(delta: Delta): void;
  /** The module's image upload: picks a file, uploads it, resolves with its storage reference (null: cancelled). */
  uploadImage?: () => Promise<string | null>;
  /** A loadable link for a stored reference (the module's signed URL); without it only https images show. */
  resolveMedia?: (ref: string) => Promise<string | undefined>;
  /** Upload or link problems, in Chinese. */
  onError?(message: string): void;
  placeholder?: string;
  /** Root test id; the editable area is `<testId>-body`, toolbar buttons `<testId>-tool-<id>`. */
  testId?: string;
}
