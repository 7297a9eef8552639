import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { fetchLatestLocalSms } from '../services/local-sms.service';
import './local-sms-hint.css';

export interface LocalSmsHintProps {
  /** E.164 phone the code was sent to; null before any send */
  phone: string | null;
  /** when the code was requested (ms); each new send restarts polling */
  sentAt: number;
  onFill(code: string): void;
  /** poll interval, overridable in tests */
  intervalMs?: number;
}

const MAX_ATTEMPTS = 15;

/** Local stack only: shows the SMS code from the local outbox so no phone is needed. */
export function LocalSmsHint({ phone, sentAt, onFill, intervalMs = 1000 }: LocalSmsHintProps) {
  const [code, setCode] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'waiting' | 'found' | 'missing'>('idle');

  useEffect(() => {
    if (!phone || !sentAt) return undefined;
    let cancelled = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setCode(null);
    setState('waiting');
    const poll = async () => {
      attempts += 1;
      const sms = await fetchLatestLocalSms(phone, sentAt).catch(() => null);
      if (cancelled) return;
      if (sms) {
        setCode(sms.code);
        setState('found');
      } else if (attempts < MAX_ATTEMPTS) {
        timer = setTimeout(poll, intervalMs);
      } else {
        setState('missing');
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [phone, sentAt, intervalMs]);

  if (state === 'idle') return null;
  return (
    <View className='local-sms' aria-live='polite'>
      <Text className='local-sms__badge'>本地开发</Text>
      {state === 'waiting' && <Text className='local-sms__text'>正在读取本地短信…</Text>}
      {state === 'missing' && <Text className='local-sms__text'>本地短信箱里没有找到验证码</Text>}
      {state === 'found' && code && (
        <>
          <Text className='local-sms__text' data-testid='local-sms-code'>
            本地开发：验证码 {code}
          </Text>
          <View
            className='local-sms__fill'
            role='button'
            aria-label='填入本地验证码'
            data-testid='local-sms-fill'
            onClick={() => onFill(code)}
          >
            填入
          </View>
        </>
      )}
    </View>
  );
}
