// WeCom, as WeChat (screen.weapp.ts).
export { default as Screen } from '../../packages/training/index';
