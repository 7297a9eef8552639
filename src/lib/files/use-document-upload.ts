import { useState } from 'react';
import type { ChosenFile } from '../../platform/choose-file.types';
import { messageOf } from '../errors/app-error';

export interface DocumentUpload {
  /** a chosen file is being sent */
  uploading: boolean;
  /**
   * Lets the person choose a file, checks it (size, type) before any byte is sent, then runs
   * `upload`. A failure at any step becomes the form's error line; choosing nothing is no error.
   * Resolves true when the file was uploaded.
   */
  pick<F extends ChosenFile>(choose: () => Promise<F | null>, check: (file: F) => string | null, upload: (file: F) => Promise<unknown>): Promise<boolean>;
}

/** Choose → check → upload, shared by the evidence and qualification pickers. */
export function useDocumentUpload(setError: (message: string) => void): DocumentUpload {
  const [uploading, setUploading] = useState(false);

  const pick = async <F extends ChosenFile>(choose: () => Promise<F | null>, check: (file: F) => string | null, upload: (file: F) => Promise<unknown>) => {
    setError('');
    let file: F | null;
    try {
      file = await choose();
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    }
    if (!file) return false;
    const problem = check(file);
    if (problem) {
      setError(problem);
      return false;
    }
    setUploading(true);
    try {
      await upload(file);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    } finally {
      setUploading(false);
    }
  };

  return { uploading, pick };
}
