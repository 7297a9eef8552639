// Pictures for a post (up to `max`), per build. H5: the browser's picker with several files; the
// mini-program builds use chooseMedia (choose-images.weapp.ts).
import type { ChosenFile } from './choose-file.types';

/** H5: up to `max` JPG/PNG/WebP/GIF pictures; an empty list when the person closes the picker. */
export function chooseImages(testId: string, max: number): Promise<ChosenFile[]> {
  return new Promise((resolve) => {
    if (typeof document === 'undefined' || max < 1) return resolve([]);
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = 'image/jpeg,image/png,image/webp,image/gif';
    input.style.display = 'none';
    input.setAttribute('data-testid', testId);
    const done = (files: ChosenFile[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () =>
      done(Array.from(input.files ?? []).slice(0, max).map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size }))));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}
