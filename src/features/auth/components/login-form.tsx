import { Text, View } from '@tarojs/components';
import { useState, type ComponentType } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { TextField } from '../../../ui/text-field';
import { useSendCode } from '../../../lib/hooks/use-send-code';
import { firstIssue, otpCodeSchema, phoneSchema, signInPasswordSchema } from '../schemas/auth.schema';
import { authService, type AuthService } from '../services/auth.service';
import { LoginTabs, type LoginMode } from './login-tabs';
import './login-form.css';
import { CodeField, type CodeHintProps } from '../../../ui/code-field';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export const RESEND_SECONDS = 60;

export interface LoginFormProps {
  /** `method`: how the user proved the phone (an SMS code also verifies it for WeCom linking) */
  onSignedIn(phone: string, method: LoginMode): void;
  initialPhone?: string;
  service?: Pick<AuthService, 'sendSmsCode' | 'verifySmsCode' | 'signInWithPassword'>;
  /** local stack only: shows the code from the local SMS outbox */
  localCodeHint?: ComponentType<CodeHintProps> | null;
}

type FieldErrors = Partial<Record<'phone' | 'code' | 'password', string>>;

export function LoginForm({ onSignedIn, initialPhone = '', service = authService, localCodeHint: LocalCodeHint = null }: LoginFormProps) {
  const [mode, setMode] = useState<LoginMode>('sms');
  const [phone, setPhone] = useState(initialPhone);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<{ phone: string; at: number } | null>(null);
  // The server says wait (its rate limit): show the wait on the button too.
  const sendCode = useSendCode(setFormError, 'over_sms_send_rate_limit', RESEND_SECONDS);

  const validPhone = (): string | null => {
    const parsed = phoneSchema.safeParse(phone);
    if (!parsed.success) {
      setErrors({ phone: firstIssue(parsed.error) });
      return null;
    }
    return parsed.data;
  };

  const handleSendCode = async () => {
    setFormError('');
    const e164 = validPhone();
    if (!e164) return;
    setErrors({});
    await sendCode.send(() => service.sendSmsCode(e164), () => setSent({ phone: e164, at: Date.now() }));
  };

  const handleSubmit = async () => {
    setFormError('');
    const e164 = validPhone();
    if (!e164) return;
    const secret = mode === 'sms' ? otpCodeSchema.safeParse(code) : signInPasswordSchema.safeParse(password);
    if (!secret.success) {
      setErrors({ [mode === 'sms' ? 'code' : 'password']: firstIssue(secret.error) });
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      if (mode === 'sms') await service.verifySmsCode(e164, secret.data);
      else await service.signInWithPassword(e164, secret.data);
      onSignedIn(e164, mode);
    } catch (error) {
      setFormError(messageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  const switchMode = (next: LoginMode) => {
    setMode(next);
    setErrors({});
    setFormError('');
  };


  return (
    <View className='login-form'>
      <LoginTabs mode={mode} onChange={switchMode} />

      <TextField label='手机号' prefix='+86' type='number' maxLength={11} value={phone} onChange={setPhone} error={errors.phone} testId='login-phone' />

      {mode === 'sms' ? (
        <CodeField
          label='验证码'
          value={code}
          onChange={setCode}
          error={errors.code}
          testId='login-code'
          sendTestId='login-send-code'
          remaining={sendCode.remaining}
          sending={sendCode.sending}
          onSend={handleSendCode}
        >
          {LocalCodeHint && <LocalCodeHint phone={sent?.phone ?? null} sentAt={sent?.at ?? 0} onFill={setCode} />}
        </CodeField>
      ) : (
        <TextField label='密码' type='password' placeholder='请输入密码' maxLength={null} value={password} onChange={setPassword} error={errors.password} testId='login-password' />
      )}

      <FormError message={formError} testId='login-error' />

      <WideButton
        className='login-form__submit'
        busy={submitting}
        onClick={handleSubmit}
        testId='login-submit'
      >
        登录
      </WideButton>
      {mode === 'sms' && <Text className='login-form__note'>未注册的手机号验证后将自动创建账号</Text>}
    </View>
  );
}
