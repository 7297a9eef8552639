// WeCom's mini-program: no desk layout either.
export { OpsDesk } from './ops-desk.weapp';
