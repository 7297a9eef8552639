// A document a person picked to upload (qualification, report or birth-date evidence), per build.
export interface ChosenFile {
  /** a local path (mini-programs) or an object URL (H5) that Taro.uploadFile can read */
  path: string;
  name: string;
  size: number;
}

/** What a picker offers (default: images and PDF, the evidence and qualification documents). */
export type FileKind = 'image' | 'pdf' | 'video';
export const DEFAULT_FILE_KINDS: readonly FileKind[] = ['image', 'pdf'];
