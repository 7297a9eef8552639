import { AppError } from '../lib/errors/app-error';
import { DEFAULT_FILE_KINDS, type ChosenFile, type FileKind } from './choose-file.types';

const ACCEPT: Record<FileKind, string> = {
  image: 'image/jpeg,image/png', pdf: 'application/pdf', video: 'video/mp4', office: '.doc,.docx,.xls,.xlsx,.ppt,.pptx',
};

/**
 * H5: the browser's file picker for `accept`. Resolves null when the person closes it. `testId`
 * names the hidden input, so a browser test can set its file.
 */
export function pickBrowserFile(testId: string, accept: string): Promise<File | null> {
  return new Promise((resolve, reject) => {
    if (typeof document === 'undefined') return reject(new AppError('unsupported', '当前环境不支持选择文件'));
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', testId);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ?? null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** H5: a document (images and PDF unless `kinds` says otherwise); null when the person closes the picker. */
export async function chooseDocumentFile(testId: string, kinds: readonly FileKind[] = DEFAULT_FILE_KINDS): Promise<ChosenFile | null> {
  const file = await pickBrowserFile(testId, kinds.map((k) => ACCEPT[k]).join(','));
  if (!file) return null;
  const path = URL.createObjectURL(file);
  const duration = file.type.startsWith('video/') ? await videoDuration(path) : undefined;
  return { path, name: file.name, size: file.size, ...(duration ? { duration } : {}) };
}

/** A video's length from its metadata; undefined when the browser can't tell within 3 seconds. */
function videoDuration(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const done = (seconds?: number) => {
      clearTimeout(timer);
      video.removeAttribute('src');
      resolve(seconds && Number.isFinite(seconds) ? Math.round(seconds) : undefined);
    };
    const timer = setTimeout(() => done(), 3000);
    video.preload = 'metadata';
    video.onloadedmetadata = () => done(video.duration);
    video.onerror = () => done();
    video.src = url;
  });
}
