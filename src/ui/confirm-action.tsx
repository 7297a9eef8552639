import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../lib/hooks/use-action';
import { Button, type ButtonProps } from './button';
import './confirm-action.css';

export interface ConfirmActionProps {
  label: string;
  /** what will happen, shown before the second tap */
  message: string;
  confirmLabel?: string;
  /** runs after the second tap; a thrown AppError's message is shown */
  onConfirm(): Promise<void>;
  disabled?: boolean;
  type?: ButtonProps['type'];
  testId: string;
}

/**
 * Two-step action: the first tap explains the consequence, the second does it. Inline rather than a
 * modal so it reads the same on every platform and screen readers meet it in page order.
 */
export function ConfirmAction({ label, message, confirmLabel = '确认', onConfirm, disabled = false, type = 'danger', testId }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const { busy, error, run: runAction } = useAction();

  const run = async () => {
    if (await runAction(onConfirm)) setAsking(false);
  };

  if (!asking) {
    return (
      <Button size='small' fill='outline' type={type} disabled={disabled} aria-disabled={disabled} role='button' data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <View className='confirm-action' role='group' aria-label={label}>
      <Text className='confirm-action__message'>{message}</Text>
      {error && (
        <Text className='field__error' role='alert' data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
      <View className='confirm-action__buttons'>
        <Button size='small' fill='outline' role='button' disabled={busy} data-testid={`${testId}-cancel`} onClick={() => setAsking(false)}>
          取消
        </Button>
        <Button size='small' type={type} role='button' loading={busy} disabled={busy} aria-disabled={busy} data-testid={`${testId}-confirm`} onClick={run}>
          {confirmLabel}
        </Button>
      </View>
    </View>
  );
}
