import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { firstMessage, invitationCodeSchema } from '../schemas/enterprise.schema';
import { TextField } from '../../../ui/text-field';
import { WideButton } from '../../../ui/wide-button';

export interface JoinCodeFormProps {
  /** the normalised 8-character code */
  onSubmit(code: string): void;
}

/** 输入邀请码: the short code read aloud or typed from a message; opens the invitation page. */
export function JoinCodeForm({ onSubmit }: JoinCodeFormProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');

  const submit = () => {
    const parsed = invitationCodeSchema.safeParse(code);
    if (!parsed.success) {
      setError(firstMessage(parsed.error));
      return;
    }
    onSubmit(parsed.data);
  };

  return (
    <View className='card' data-testid='join-code-form'>
      <TextField
        label='邀请码'
        value={code}
        onChange={(v) => {
          setCode(v);
          setError('');
        }}
        testId='join-code'
        placeholder='8 位邀请码，如 ABCD2345'
        maxLength={12}
        error={error}
      />
      <Text className='ent-muted'>邀请码由企业管理员或同事提供，不区分大小写。</Text>
      <WideButton testId='join-code-submit' onClick={submit} style={{ marginTop: '16px' }}>
        查看邀请
      </WideButton>
    </View>
  );
}
