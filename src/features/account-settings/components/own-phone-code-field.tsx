import { Text } from '@tarojs/components';
import { useState, type ComponentType } from 'react';
import { useSendCode } from '../../../lib/hooks/use-send-code';
import { CodeField, type CodeHintProps } from '../../../ui/code-field';

export interface OwnPhoneCodeFieldProps {
  value: string;
  onChange(code: string): void;
  /** texts a code to the account's own phone (the server knows which) */
  sendCode(): Promise<{ phone_masked: string }>;
  /** the signed-in phone in E.164, for the local outbox hint */
  phone: string | null;
  /** a send's failure ('' when a new send starts) */
  onError(message: string): void;
  error?: string;
  /** prefix of the test ids: `<testId>-code`, `<testId>-send-code`, `<testId>-code-sent` */
  testId: string;
  localCodeHint?: ComponentType<CodeHintProps> | null;
}

/**
 * The SMS code that re-verifies the account's own phone before a sensitive change (password,
 * cancellation): send button with countdown, where the code went, and the local outbox hint.
 */
export function OwnPhoneCodeField({ value, onChange, sendCode, phone, onError, error, testId, localCodeHint: LocalCodeHint = null }: OwnPhoneCodeFieldProps) {
  const [sentTo, setSentTo] = useState<{ masked: string; at: number } | null>(null);
  const sender = useSendCode(onError);

  const send = async () => {
    onError('');
    await sender.send(sendCode, (sent) => setSentTo({ masked: sent.phone_masked, at: Date.now() }));
  };

  return (
    <CodeField
      label='短信验证码'
      value={value}
      onChange={(code) => onChange(code.trim())}
      error={error}
      testId={`${testId}-code`}
      sendTestId={`${testId}-send-code`}
      remaining={sender.remaining}
      sending={sender.sending}
      onSend={send}
    >
      {sentTo && (
        <Text className='settings-muted' data-testid={`${testId}-code-sent`}>
          验证码已发送至 {sentTo.masked}，5 分钟内有效
        </Text>
      )}
      {LocalCodeHint && <LocalCodeHint phone={sentTo ? phone : null} sentAt={sentTo?.at ?? 0} onFill={onChange} />}
    </CodeField>
  );
}
