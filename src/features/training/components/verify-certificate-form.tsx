import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { FormError } from '../../../ui/form-error';
import { Input } from '../../../ui/input';
import { WideButton } from '../../../ui/wide-button';
import { verifyCertificate } from '../services/training.service';
import './training.css';

/** Public: anyone checks a verification code and learns only whether it is valid, and whose it is. */
export function VerifyCertificateForm({ initialCode = '' }: { initialCode?: string }) {
  const [code, setCode] = useState(initialCode);
  const [result, setResult] = useState<{ valid: boolean; name: string | null } | null>(null);
  const action = useAction();
  const check = () => action.run(async () => setResult(await verifyCertificate(code)));
  return (
    <View className='tr-card' data-testid='verify-certificate'>
      <Text className='tr-card__title'>证书验证</Text>
      <Input value={code} placeholder='请输入证书上的验证码' maxLength={20} aria-label='验证码' data-testid='verify-code' onChange={(v: string) => setCode(v)} />
      <WideButton busy={action.busy} disabled={action.busy || code.trim().length < 12} testId='verify-submit' onClick={() => void check()}>
        验证
      </WideButton>
      <FormError message={action.error} testId='verify-error' />
      {result && (
        <Text role='status' className={result.valid ? 'tr-result__pass' : 'tr-result__fail'} data-testid='verify-result'>
          {result.valid ? `证书有效，持有人：${result.name}` : '未找到有效证书，请核对验证码'}
        </Text>
      )}
    </View>
  );
}
