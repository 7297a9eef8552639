import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { SendCode } from '../../../lib/hooks/use-send-code';
import { CodeField } from '../../../ui/code-field';
import type { CurrentAgreement } from '../services/identity.types';
import { ConsentCheckbox } from './consent-checkbox';
import { MarkdownView } from './markdown-view';

export interface GuardianStatementProps {
  statement: CurrentAgreement;
  accepted: boolean;
  onChange(accepted: boolean): void;
  testId: string;
}

/** The children's statement a guardian of a child under 14 reads and accepts (both guardian flows). */
export function GuardianStatement({ statement, accepted, onChange, testId }: GuardianStatementProps) {
  return (
    <View className='guardian-statement' data-testid='children-statement'>
      <Text className='guardian-statement__title'>{statement.version_title}</Text>
      <View className='guardian-statement__body'>
        <MarkdownView source={statement.body_md} />
      </View>
      <ConsentCheckbox checked={accepted} onChange={onChange} label={`监护人已阅读并同意《${statement.title}》`} data-testid={testId}>
        我是该用户的监护人，已阅读并同意《{statement.title}》
      </ConsentCheckbox>
    </View>
  );
}

export interface GuardianCodeFieldProps {
  /** the masked phone the code went to; null until sent */
  sentTo: string | null;
  ariaLabel: string;
  value: string;
  onChange(code: string): void;
  /** test ids `<prefix>-code` and `<prefix>-send-code` */
  prefix: string;
  sendCode: SendCode;
  /** the form's confirm is in flight: no sending meanwhile */
  busy: boolean;
  onSend(): void;
  children?: ReactNode;
}

/** The code texted to the guardian's phone, with where it went once sent. */
export function GuardianCodeField({ sentTo, ariaLabel, value, onChange, prefix, sendCode, busy, onSend, children }: GuardianCodeFieldProps) {
  return (
    <CodeField label={`验证码${sentTo ? `（已发送至 ${sentTo}）` : ''}`} ariaLabel={ariaLabel} value={value} onChange={onChange} testId={`${prefix}-code`} sendTestId={`${prefix}-send-code`}
      remaining={sendCode.remaining} sending={sendCode.sending} busy={busy} sendLabel='发送验证码' onSend={onSend}>
      {children}
    </CodeField>
  );
}
