import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { messageOf } from '../../../lib/errors/app-error';
import { verifyCertificate } from '../services/training.service';
import './training.css';

/** Public: anyone checks a verification code and learns only whether it is valid, and whose it is. */
export function VerifyCertificateForm({ initialCode = '' }: { initialCode?: string }) {
  const [code, setCode] = useState(initialCode);
  const [result, setResult] = useState<{ valid: boolean; name: string | null } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError('');
    try {
      setResult(await verifyCertificate(code));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='tr-card' data-testid='verify-certificate'>
      <Text className='tr-card__title'>证书验证</Text>
      <Input value={code} placeholder='请输入证书上的验证码' maxLength={20} aria-label='验证码' data-testid='verify-code' onChange={(v: string) => setCode(v)} />
      <Button type='primary' size='small' disabled={busy || code.trim().length < 12} data-testid='verify-submit' onClick={() => void check()}>
        验证
      </Button>
      {error && <Text role='alert'>{error}</Text>}
      {result && (
        <Text role='status' className={result.valid ? 'tr-result__pass' : 'tr-result__fail'} data-testid='verify-result'>
          {result.valid ? `证书有效，持有人：${result.name}` : '未找到有效证书，请核对验证码'}
        </Text>
      )}
    </View>
  );
}
