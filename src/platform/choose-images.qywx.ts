// WeCom's mini-program runtime has chooseMedia like WeChat's.
export { chooseImages } from './choose-images.weapp';
