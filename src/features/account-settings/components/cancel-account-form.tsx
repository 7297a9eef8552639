import { View } from '@tarojs/components';
import { useState, type ComponentType } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { accountSettingsService, type AccountSettingsService } from '../services/account-settings.service';
import { AckCheckbox } from './ack-checkbox';
import { CancelWarning } from './cancel-warning';
import './settings.css';
import type { CodeHintProps } from '../../../ui/code-field';
import { OwnPhoneCodeField } from './own-phone-code-field';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface CancelAccountFormProps {
  /** the signed-in phone in E.164, for the local outbox hint */
  phone: string | null;
  onCancelled(): void;
  service?: Pick<AccountSettingsService, 'sendCancelCode' | 'confirmCancel'>;
  localCodeHint?: ComponentType<CodeHintProps> | null;
}

const CODE = /^\d{6}$/;

/** 注销账号: warning, SMS re-verification, an explicit acknowledgement (never pre-ticked), confirm. */
export function CancelAccountForm({ phone, onCancelled, service = accountSettingsService, localCodeHint = null }: CancelAccountFormProps) {
  const [code, setCode] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const { busy: submitting, error, setError, run } = useAction({ leaves: true });

  const ready = CODE.test(code) && acknowledged && !submitting;
  const handleConfirm = async () => {
    if (!ready) return;
    if (await run(() => service.confirmCancel(code))) onCancelled();
  };

  return (
    <View data-testid='cancel-form'>
      <CancelWarning />
      <View className='card'>
        <OwnPhoneCodeField value={code} onChange={setCode} sendCode={() => service.sendCancelCode()} phone={phone} onError={setError} testId='cancel' localCodeHint={localCodeHint} />
        <AckCheckbox checked={acknowledged} onChange={setAcknowledged} testId='cancel-ack'>
          我已了解注销后数据不可恢复
        </AckCheckbox>
        <FormError message={error} testId='cancel-error' />
        <WideButton className='login-form__submit' type='danger' busy={submitting} disabled={!ready} testId='cancel-confirm' onClick={handleConfirm}>
          确认注销
        </WideButton>
      </View>
    </View>
  );
}
