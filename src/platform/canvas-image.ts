import { AppError } from '../lib/errors/app-error';
import type { Canvas2D, SavedImage } from './canvas-image.types';

/** H5: draws on an offscreen <canvas> and downloads the PNG (`fileName`). */
export async function saveCanvasImage(fileName: string, width: number, height: number, draw: (ctx: Canvas2D) => void): Promise<SavedImage> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new AppError('image_failed', '无法生成图片，请稍后重试');
  draw(ctx);
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return 'downloaded';
}
