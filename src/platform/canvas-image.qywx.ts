// WeCom's mini-program runtime draws and saves images as WeChat's does.
export { saveCanvasImage } from './canvas-image.weapp';
