import { useState } from 'react';
import { AppError, messageOf } from '../errors/app-error';
import { useCountdown } from './use-countdown';

export interface SendCode {
  /** seconds until the code may be sent again (0: now) */
  remaining: number;
  sending: boolean;
  /**
   * Runs `request`; on success starts the resend countdown and hands the answer to `onSent`. On
   * failure reports the message through `onError`; when the server says "too soon" the countdown
   * starts too, so the button shows the wait.
   */
  send<R>(request: () => Promise<R>, onSent?: (answer: R) => void): Promise<void>;
}

/** The send-code button's logic shared by every SMS form: busy flag, resend countdown, errors. */
export function useSendCode(onError: (message: string) => void, tooSoonCode = 'code_resend_too_soon', seconds = 60): SendCode {
  const countdown = useCountdown(seconds);
  const [sending, setSending] = useState(false);

  const send = async <R,>(request: () => Promise<R>, onSent?: (answer: R) => void): Promise<void> => {
    setSending(true);
    try {
      const answer = await request();
      countdown.start();
      onSent?.(answer);
    } catch (failure) {
      onError(messageOf(failure));
      if (failure instanceof AppError && failure.code === tooSoonCode) countdown.start();
    } finally {
      setSending(false);
    }
  };

  return { remaining: countdown.remaining, sending, send };
}
