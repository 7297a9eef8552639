import { Text, View } from '@tarojs/components';
import './identity.css';
import { useState, type ComponentType } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { TextField } from '../../../ui/text-field';
import { firstIssue, otpCodeSchema, phoneSchema } from '../../auth';
import { useSendCode } from '../../../lib/hooks/use-send-code';
import { identityService, type IdentityService } from '../services/identity.service';
import type { ConsentStatus, CurrentAgreement, GuardianRelationship } from '../services/identity.types';
import { GuardianCodeField, GuardianStatement } from './guardian-fields';
import { RelationshipChoice } from './relationship-choice';
import type { CodeHintProps } from '../../../ui/code-field';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface GuardianStepProps {
  /** under 14: the guardian must also accept the children's statement */
  childrenStatement: CurrentAgreement | null;
  onDone(status: ConsentStatus): void;
  service?: Pick<IdentityService, 'sendGuardianCode' | 'confirmGuardian'>;
  localCodeHint?: ComponentType<CodeHintProps> | null;
}

/** Step (c): a guardian confirms with a code sent to the guardian's own phone. */
export function GuardianStep({ childrenStatement, onDone, service = identityService, localCodeHint: LocalCodeHint = null }: GuardianStepProps) {
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<GuardianRelationship | null>(null);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [statementAccepted, setStatementAccepted] = useState(false);
  const [sent, setSent] = useState<{ phone: string; at: number; masked: string } | null>(null);
  const { busy: confirming, error, setError, run } = useAction();
  const sendCode = useSendCode(setError);
  const busy = confirming || sendCode.sending;

  const send = async () => {
    const parsed = phoneSchema.safeParse(phone);
    if (!parsed.success) return setError(firstIssue(parsed.error));
    setError('');
    return sendCode.send(() => service.sendGuardianCode(parsed.data), (result) => setSent({ phone: parsed.data, at: Date.now(), masked: result.phone_masked }));
  };

  const needsStatement = childrenStatement !== null;
  const ready = name.trim().length >= 2 && relationship !== null && sent !== null && /^\d{6}$/.test(code) && (!needsStatement || statementAccepted);

  const confirm = async () => {
    const parsedCode = otpCodeSchema.safeParse(code);
    if (!parsedCode.success) return setError(firstIssue(parsedCode.error));
    if (!ready || !relationship) return undefined;
    await run(async () => {
      const result = await service.confirmGuardian({
        code: parsedCode.data,
        guardian_name: name.trim(),
        relationship,
        accept_children_statement: needsStatement && statementAccepted,
      });
      onDone(result.status);
    });
    return undefined;
  };

  return (
    <View className='card onboarding-step' data-testid='onboarding-guardian'>
      <Text className='onboarding-step__title'>监护人确认</Text>
      <Text className='onboarding-step__why'>
        你未满 18 周岁，须由父母或其他监护人确认后才能使用知享。请监护人在旁填写以下信息，验证码将发送到监护人的手机。
        {needsStatement ? '你未满 14 周岁，监护人还须阅读并同意《儿童个人信息保护规则》。' : ''}
      </Text>
      <TextField label='监护人姓名' placeholder='监护人的真实姓名' maxLength={40} value={name} onChange={setName} testId='guardian-name' />
      <RelationshipChoice value={relationship} onChange={setRelationship} />
      <TextField label='监护人手机号' prefix='+86' type='number' placeholder='监护人的手机号' maxLength={11} value={phone} onChange={setPhone} testId='guardian-phone' />
      <GuardianCodeField sentTo={sent?.masked ?? null} ariaLabel='监护人收到的验证码' value={code} onChange={setCode} prefix='guardian' sendCode={sendCode} busy={busy} onSend={send}>
        {LocalCodeHint && <LocalCodeHint phone={sent?.phone ?? null} sentAt={sent?.at ?? 0} onFill={setCode} />}
      </GuardianCodeField>
      {childrenStatement && <GuardianStatement statement={childrenStatement} accepted={statementAccepted} onChange={setStatementAccepted} testId='guardian-accept-statement' />}
      <FormError message={error} testId='guardian-error' />
      <WideButton busy={confirming} disabled={!ready || busy} onClick={confirm} testId='guardian-confirm'>
        监护人确认
      </WideButton>
    </View>
  );
}
