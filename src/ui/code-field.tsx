import type { ReactNode } from 'react';
import { Button } from './button';
import { TextField } from './text-field';

/**
 * A component a form shows under its code field that can fill the field in: the local stack's SMS
 * outbox hint (`LocalCodeHint` of the auth feature). `sentAt` changes with every code sent.
 */
export interface CodeHintProps {
  /** E.164 phone the code went to; null until one is sent */
  phone: string | null;
  sentAt: number;
  onFill(code: string): void;
}

export interface CodeFieldProps {
  label: string;
  /** when the screen reader name differs from the visible label */
  ariaLabel?: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  /** test id of the send button */
  sendTestId: string;
  /** seconds until another code may be sent (0: now) */
  remaining: number;
  /** a send request is in flight */
  sending: boolean;
  /** another request of the form is in flight: no sending meanwhile */
  busy?: boolean;
  onSend(): void;
  /** the button's label before the first send */
  sendLabel?: string;
  error?: string;
  /** notes and hints under the field (where the code went, the local outbox) */
  children?: ReactNode;
}

/** The 6-digit SMS code field with its send button, which counts down the wait before a resend. */
export function CodeField({ label, ariaLabel, value, onChange, testId, sendTestId, remaining, sending, busy = false, onSend, sendLabel = '获取验证码', error, children }: CodeFieldProps) {
  const blocked = remaining > 0 || sending || busy;
  return (
    <TextField
      label={label}
      ariaLabel={ariaLabel}
      type='number'
      placeholder='6 位验证码'
      maxLength={6}
      value={value}
      onChange={onChange}
      error={error}
      testId={testId}
      action={
        <Button className='field__action' size='small' fill='outline' type='primary' disabled={blocked} aria-disabled={blocked} role='button' onClick={onSend} data-testid={sendTestId}>
          {remaining > 0 ? `${remaining} 秒后重发` : sending ? '发送中…' : sendLabel}
        </Button>
      }
    >
      {children}
    </TextField>
  );
}
