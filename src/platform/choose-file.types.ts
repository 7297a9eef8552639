// A document a person picked to upload (qualification, report or birth-date evidence), per build.
export interface ChosenFile {
  /** a local path (mini-programs) or an object URL (H5) that Taro.uploadFile can read */
  path: string;
  name: string;
  size: number;
  /** a video's length in seconds, when the picker could tell (weapp chooseMedia, H5 metadata) */
  duration?: number;
}

/** What a picker offers (default: images and PDF, the evidence and qualification documents). */
/** `office`: Word, Excel and PowerPoint documents (training lessons). */
export type FileKind = 'image' | 'pdf' | 'video' | 'office';
export const DEFAULT_FILE_KINDS: readonly FileKind[] = ['image', 'pdf'];
