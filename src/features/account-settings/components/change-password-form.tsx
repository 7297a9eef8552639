import { Text, View } from '@tarojs/components';
import { useState, type ComponentType } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { TextField } from '../../../ui/text-field';
import { setPasswordSchema } from '../../auth';
import { useSendCode } from '../../../lib/hooks/use-send-code';
import { passwordService, type PasswordService } from '../services/password.service';
import './settings.css';
import { CodeField, type CodeHintProps } from '../../../ui/code-field';
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
export function ChangePasswordForm({ phone, onDone, service = passwordService, localCodeHint: LocalCodeHint = null }: ChangePasswordFormProps) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [sentTo, setSentTo] = useState<{ masked: string; at: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const sendCode = useSendCode(setFormError);

  const handleSend = async () => {
    setFormError('');
    await sendCode.send(() => service.sendPasswordCode(), (sent) => setSentTo({ masked: sent.phone_masked, at: Date.now() }));
  };

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
    setSaving(true);
    try {
      await service.changePassword(code, parsed.data.password);
    } catch (failure) {
      setFormError(messageOf(failure));
      setSaving(false);
      return;
    }
    onDone();
  };

  return (
    <View className='set-password' data-testid='password-form'>
      <CodeField
        label='短信验证码'
        value={code}
        onChange={(value) => setCode(value.trim())}
        error={errors.code}
        testId='password-code'
        sendTestId='password-send-code'
        remaining={sendCode.remaining}
        sending={sendCode.sending}
        onSend={handleSend}
      >
        {sentTo && (
          <Text className='settings-muted' data-testid='password-code-sent'>
            验证码已发送至 {sentTo.masked}，5 分钟内有效
          </Text>
        )}
        {LocalCodeHint && <LocalCodeHint phone={sentTo ? phone : null} sentAt={sentTo?.at ?? 0} onFill={setCode} />}
      </CodeField>
      <TextField label='新密码' type='password' placeholder='至少 8 位，包含字母和数字' maxLength={null} value={password} onChange={setPassword} error={errors.password} testId='password-new' />
      <TextField label='确认新密码' type='password' placeholder='再输入一次' maxLength={null} value={confirm} onChange={setConfirm} error={errors.confirm} testId='password-confirm' />
      <FormError message={formError} testId='password-error' />
      <WideButton
        className='set-password__submit'
        busy={saving}
        testId='password-submit'
        onClick={handleSubmit}
      >
        保存密码
      </WideButton>
    </View>
  );
}
