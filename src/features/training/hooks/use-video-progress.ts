import { useCallback, useRef, useState } from 'react';
import { reportProgress } from '../services/training.service';
import type { ProgressAnswer } from '../services/training.types';

/** Seconds of playing between two reports (the server credits at most the time between them). */
export const REPORT_EVERY_SECONDS = 15;

/**
 * Video lessons: reports the position while playing and on pause/end; when the course limits
 * seeking, refuses seeking past the furthest point the server has counted (plus a little slack),
 * returning where to seek back to (the server would clamp the position anyway).
 */
export function useVideoProgress(lessonId: string, start: { position: number; watched: number }, limitSeeking = true) {
  const [progress, setProgress] = useState<ProgressAnswer | null>(null);
  const watched = useRef(start.watched);
  const lastReport = useRef(0);

  const report = useCallback(async (position: number) => {
    lastReport.current = position;
    try {
      const p = await reportProgress(lessonId, position);
      watched.current = p.watched_seconds;
      setProgress(p);
    } catch {
      // the next report retries; progress is never lost, only credited later
    }
  }, [lessonId]);

  /** From the player's timeupdate: null, or the position to seek back to. */
  const onTime = useCallback((position: number): number | null => {
    if (limitSeeking && position > watched.current + REPORT_EVERY_SECONDS + 5) return watched.current;
    if (Math.abs(position - lastReport.current) >= REPORT_EVERY_SECONDS) void report(position);
    return null;
  }, [report, limitSeeking]);

  return { progress, onTime, report };
}
