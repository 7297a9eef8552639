import { View } from '@tarojs/components';
import { useState, type ComponentType } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { TextField } from '../../../ui/text-field';
import { setPasswordSchema } from '../../auth';
import { passwordService, type PasswordService } from '../services/password.service';
import './settings.css';
import type { CodeHintProps } from '../../../ui/code-field';
import { OwnPhoneCodeField } from './own-phone-code-field';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface ChangePasswordFormProps {
  /** the signed-in phone in E.164, for the local outbox hint */
  phone: string | null;
  onDone(): void;
  service?: PasswordService;
  localCodeHint?: ComponentType<CodeHintProps> | null;
}

type FieldErrors = Partial<Record<'code' | 'password' | 'confirm', string>>;
const CODE = /^\d{6}$/;

/**
 * 设置/修改密码: an SMS code to the account's own phone first (a stolen session alone must not be
 * able to take the account over by changing its password), then the new password twice. The
 * server refuses common passwords; its Chinese message is shown as it comes.
 */
export function ChangePasswordForm({ phone, onDone, service = passwordService, localCodeHint = null }: ChangePasswordFormProps) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy: saving, error: formError, setError: setFormError, run } = useAction({ leaves: true });

  const handleSubmit = async () => {
    setFormError('');
    const next: FieldErrors = {};
    if (!CODE.test(code)) next.code = '请输入 6 位短信验证码';
    const parsed = setPasswordSchema.safeParse({ password, confirm });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) next[issue.path[0] === 'confirm' ? 'confirm' : 'password'] ??= issue.message;
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.success) return;
    if (await run(() => service.changePassword(code, parsed.data.password))) onDone();
  };

  return (
    <View className='set-password' data-testid='password-form'>
      <OwnPhoneCodeField
        value={code}
        onChange={setCode}
        sendCode={() => service.sendPasswordCode()}
        phone={phone}
        onError={setFormError}
        error={errors.code}
        testId='password'
        localCodeHint={localCodeHint}
      />
      <TextField label='新密码' type='password' placeholder='至少 8 位，包含字母和数字' maxLength={null} value={password} onChange={setPassword} error={errors.password} testId='password-new' />
      <TextField label='确认新密码' type='password' placeholder='再输入一次' maxLength={null} value={confirm} onChange={setConfirm} error={errors.confirm} testId='password-confirm' />
      <FormError message={formError} testId='password-error' />
      <WideButton className='set-password__submit' busy={saving} testId='password-submit' onClick={handleSubmit}>
        保存密码
      </WideButton>
    </View>
  );
}
