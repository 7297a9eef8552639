// The shared rich text (docs/modules.md › Rich text): one stored format, Quill's Delta; one
// renderer; one editor per platform (Quill 2 on H5, lazily; the native <editor> on weapp / qywx).
export { deltaToBlocks, deltaText, mediaRefs, safeLink, safeMedia, textToDelta, EMPTY_DELTA, type Block, type Delta, type DeltaOp, type Run } from './delta';
export { DeltaView, type DeltaViewProps } from './delta-view';
export { RichEditor } from './rich-editor';
export type { RichEditorProps } from './rich-editor.types';
export { FORMAT_TOOLS, nextValue, isActive, cleanDelta, MediaMap } from './toolbar';
export { useSignedMedia } from './use-signed-media';
