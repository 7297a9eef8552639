// WeCom's mini-program runtime opens documents as WeChat's does.
export { openDocumentUrl } from './open-document.weapp';
