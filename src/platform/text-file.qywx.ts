export { pickTextFile, saveTextFile } from './text-file.weapp';
