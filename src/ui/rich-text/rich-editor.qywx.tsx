export { RichEditor } from './rich-editor.weapp';
