import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { setPasswordSchema } from '../schemas/auth.schema';
import { authService, type AuthService } from '../services/auth.service';

export interface SetPasswordFormProps {
  onDone(): void;
  service?: Pick<AuthService, 'setPassword'>;
}

type FieldErrors = Partial<Record<'password' | 'confirm', string>>;

export function SetPasswordForm({ onDone, service = authService }: SetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);

  const handleSubmit = async () => {
    setFormError('');
    const parsed = setPasswordSchema.safeParse({ password, confirm });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'confirm' ? 'confirm' : 'password';
        next[field] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await service.setPassword(parsed.data.password);
      onDone();
    } catch (error) {
      setFormError(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='set-password'>
      <View className='field'>
        <Text className='field__label'>新密码</Text>
        <View className={`field__control ${errors.password ? 'field__control--invalid' : ''}`}>
          <Input
            type='password'
            placeholder='至少 8 位，包含字母和数字'
            value={password}
            onChange={(value: string) => setPassword(value)}
            aria-label='新密码'
            aria-invalid={Boolean(errors.password)}
            data-testid='password-new'
          />
        </View>
        {errors.password && <Text className='field__error' role='alert'>{errors.password}</Text>}
      </View>
      <View className='field'>
        <Text className='field__label'>确认密码</Text>
        <View className={`field__control ${errors.confirm ? 'field__control--invalid' : ''}`}>
          <Input
            type='password'
            placeholder='再次输入新密码'
            value={confirm}
            onChange={(value: string) => setConfirm(value)}
            aria-label='确认密码'
            aria-invalid={Boolean(errors.confirm)}
            data-testid='password-confirm'
          />
        </View>
        {errors.confirm && <Text className='field__error' role='alert'>{errors.confirm}</Text>}
      </View>
      {formError && (
        <View className='form-error' role='alert'>
          {formError}
        </View>
      )}
      <Button
        type='primary'
        block
        size='large'
        loading={saving}
        disabled={saving}
        aria-disabled={saving}
        role='button'
        onClick={handleSubmit}
        data-testid='password-submit'
        className='set-password__submit'
      >
        保存密码
      </Button>
    </View>
  );
}
