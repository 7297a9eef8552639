// WeCom's mini-program runtime picks and reads files as WeChat's does.
export { readTableFile } from './read-table-file.weapp';
