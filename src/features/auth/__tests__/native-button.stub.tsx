// jsdom has no WeChat: a `<Button openType="getPhoneNumber">` never fires getPhoneNumber there.
// Tests render this stand-in for the UI kit's Button and call the native handlers the way WeChat
// would (the compiled build with the real events is covered by tests/weapp).
import type { ReactNode } from 'react';

type NativeHandler = (event: { detail: Record<string, unknown> }) => void;
interface StubProps {
  children?: ReactNode;
  openType?: string;
  id?: string;
  disabled?: boolean;
  onClick?: () => void;
  onGetPhoneNumber?: NativeHandler;
  onAgreePrivacyAuthorization?: NativeHandler;
  'data-testid'?: string;
}

export const nativeHandlers = new Map<string, { onGetPhoneNumber?: NativeHandler; onAgreePrivacyAuthorization?: NativeHandler }>();

export function Button({ children, openType, id, disabled, onClick, onGetPhoneNumber, onAgreePrivacyAuthorization, 'data-testid': testId }: StubProps) {
  if (testId) nativeHandlers.set(testId, { onGetPhoneNumber, onAgreePrivacyAuthorization });
  return (
    <button type='button' id={id} data-open-type={openType} data-testid={testId} disabled={disabled} onClick={() => onClick?.()}>
      {children}
    </button>
  );
}
