// WeCom's mini-program: no desk layout either.
export { AdminDesk } from './admin-desk.weapp';
