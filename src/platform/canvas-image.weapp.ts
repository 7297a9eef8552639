import Taro from '@tarojs/taro';
import { AppError } from '../lib/errors/app-error';
import type { Canvas2D, SavedImage } from './canvas-image.types';

/**
 * Mini-program: draws on an offscreen 2d canvas (base library ≥ 2.16.1), exports a temp PNG and
 * saves it to the photo album (the first time WeChat asks the person for the album permission).
 */
export async function saveCanvasImage(_fileName: string, width: number, height: number, draw: (ctx: Canvas2D) => void): Promise<SavedImage> {
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height });
  // Taro types getContext as the old CanvasContext; with type '2d' WeChat returns a canvas 2d context.
  draw(canvas.getContext('2d') as unknown as Canvas2D);
  let filePath: string;
  try {
    // an offscreen 2d canvas is accepted where Taro's types name the <canvas> component's node
    ({ tempFilePath: filePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: width, destHeight: height }));
  } catch {
    throw new AppError('image_failed', '无法生成图片，请稍后重试');
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
  } catch {
    throw new AppError('album_denied', '保存失败：请在设置中允许保存到相册后重试');
  }
  return 'album';
}
