import { useDidHide } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { remainingMs, type ServerClock } from '../lib/countdown';
import { attempt as loadAttempt, recordLeave, saveAnswer, startAttempt, submitAttempt } from '../services/training.service';
import type { Answer, AttemptView } from '../services/training.types';

/**
 * The exam runner's state. The timer counts down from the server's deadline (the device clock only
 * measures time since the server answered); every answer is saved as it is given, so a dropped
 * connection or a closed app loses nothing; at zero the attempt is submitted (the server grades it
 * past its deadline anyway). Leaving the page (app hidden, tab hidden) is reported: past the paper's
 * limit the server submits.
 */
export function useExam(paperId: string, attemptId?: string) {
  const [view, setView] = useState<AttemptView | null>(null);
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [clock, setClock] = useState<ServerClock | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  const adopt = useCallback((v: AttemptView) => {
    setView(v);
    setClock({ deadlineAt: v.deadline_at, serverNow: v.server_now, receivedAt: Date.now() });
    setAnswers(Object.fromEntries(v.questions.map((q) => [q.position, q.answer])));
  }, []);

  const load = useCallback(async () => {
    setError('');
    try {
      adopt(attemptId ? await loadAttempt(attemptId) : await startAttempt(paperId));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, [adopt, attemptId, paperId]);

  useEffect(() => {
    void load();
  }, [load]);

  const running = view?.status === 'in_progress';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const left = clock && running ? remainingMs(clock, now) : 0;

  const submit = useCallback(async () => {
    if (!view || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError('');
    try {
      adopt(await submitAttempt(view.id, answers));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }, [adopt, answers, view]);

  // Time is up on the server's clock: hand in what is there.
  useEffect(() => {
    if (running && clock && left === 0) void submit();
  }, [running, clock, left, submit]);

  const answer = useCallback(async (position: number, value: Answer) => {
    if (!view || view.status !== 'in_progress') return;
    setAnswers((a) => ({ ...a, [position]: value }));
    try {
      const saved = await saveAnswer(view.id, position, value);
      if (!saved.saved) adopt(await loadAttempt(view.id)); // the deadline passed: show the result
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, [adopt, view]);

  const onLeave = useRef<() => void>(() => undefined);
  onLeave.current = () => {
    if (!view || view.status !== 'in_progress') return;
    void recordLeave(view.id).then(async (r) => {
      if (r.status === 'submitted') adopt(await loadAttempt(view.id));
    }).catch(() => undefined);
  };
  useDidHide(() => onLeave.current());
  useEffect(() => {
    if (typeof document === 'undefined' || typeof document.addEventListener !== 'function') return undefined;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave.current();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  return { view, answers, remaining: left, error, busy, answer, submit, reload: load };
}
