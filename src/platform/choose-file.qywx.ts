// WeCom's mini-program runtime picks files as WeChat's does.
export { chooseDocumentFile } from './choose-file.weapp';
