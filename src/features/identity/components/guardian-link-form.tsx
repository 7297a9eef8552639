import { Text, View } from '@tarojs/components';
import './identity.css';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { TextField } from '../../../ui/text-field';
import { Loading } from '../../../ui/loading';
import { firstIssue, otpCodeSchema } from '../../auth';
import { useSendCode } from '../../../lib/hooks/use-send-code';
import { identityService, type IdentityService } from '../services/identity.service';
import type { CurrentAgreement, GuardianLinkView, GuardianRelationship } from '../services/identity.types';
import { GuardianCodeField, GuardianStatement } from './guardian-fields';
import { RelationshipChoice } from './relationship-choice';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';
import { useAction } from '../../../lib/hooks/use-action';

export interface GuardianLinkFormProps {
  token: string;
  service?: Pick<IdentityService, 'viewGuardianLink' | 'sendGuardianLinkCode' | 'confirmGuardianLink' | 'getCurrentAgreements'>;
}

/**
 * The guardian's page, opened from the link the minor sent (no account needed). It shows the child
 * only masked and what the guardian approves; the code goes to the phone the minor named, so only
 * the holder of that phone can confirm.
 */
export function GuardianLinkForm({ token, service = identityService }: GuardianLinkFormProps) {
  const [view, setView] = useState<GuardianLinkView | null>(null);
  const [statement, setStatement] = useState<CurrentAgreement | null>(null);
  const [loadError, setLoadError] = useState('');
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<GuardianRelationship | null>(null);
  const [code, setCode] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [sentAt, setSentAt] = useState(0);
  const { busy: confirming, error, setError, run } = useAction();
  const [done, setDone] = useState(false);
  const sendCode = useSendCode(setError);
  const busy = confirming || sendCode.sending;

  useEffect(() => {
    let live = true;
    (async () => {
      const linkView = await service.viewGuardianLink(token);
      const docs = linkView.children_statement_needed ? await service.getCurrentAgreements() : [];
      if (!live) return;
      setView(linkView);
      setStatement(docs.find((d) => d.kind === 'children_privacy') ?? null);
    })().catch((failure: unknown) => live && setLoadError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [token, service]);

  if (loadError) {
    return (
      <View className='card onboarding-step' role='alert' data-testid='guardian-link-invalid'>
        <Text className='onboarding-step__title'>无法打开此链接</Text>
        <Text className='onboarding-step__why'>{loadError}</Text>
      </View>
    );
  }
  if (!view) return <Loading type='circular'>加载中…</Loading>;
  if (done) {
    return (
      <View className='card onboarding-step' data-testid='guardian-link-done'>
        <Text className='onboarding-step__title'>确认成功</Text>
        <Text className='onboarding-step__why'>感谢你的确认，{view.child_label} 现在可以使用知享了。你可以随时在孩子的设备上撤回确认。</Text>
      </View>
    );
  }

  const needsStatement = view.children_statement_needed;
  const ready = name.trim().length >= 2 && relationship !== null && sentAt > 0 && /^\d{6}$/.test(code) && (!needsStatement || accepted);

  const send = async () => {
    setError('');
    await sendCode.send(() => service.sendGuardianLinkCode(token), () => setSentAt(Date.now()));
  };

  const confirm = async () => {
    const parsed = otpCodeSchema.safeParse(code);
    if (!parsed.success) return setError(firstIssue(parsed.error));
    if (!ready || !relationship) return undefined;
    await run(async () => {
      await service.confirmGuardianLink({ token, code: parsed.data, guardian_name: name.trim(), relationship, accept_children_statement: needsStatement && accepted });
      setDone(true);
    });
    return undefined;
  };

  return (
    <View className='card onboarding-step' data-testid='guardian-link-form'>
      <Text className='onboarding-step__title'>监护人确认</Text>
      <Text className='onboarding-step__why' data-testid='guardian-link-summary'>
        {view.child_label} 未满 {needsStatement ? '14' : '18'} 周岁，正在申请使用知享（企业学习社区），需要你作为监护人确认
        {needsStatement ? '，并阅读、同意下面的《儿童个人信息保护规则》' : ''}。验证码将发送至 {view.guardian_phone_masked}。
      </Text>
      <TextField label='监护人姓名' placeholder='你的真实姓名' maxLength={40} value={name} onChange={setName} testId='guardian-link-name' />
      <RelationshipChoice value={relationship} onChange={setRelationship} />
      {needsStatement && statement && <GuardianStatement statement={statement} accepted={accepted} onChange={setAccepted} testId='guardian-link-accept-statement' />}
      <GuardianCodeField sentTo={sentAt ? view.guardian_phone_masked : null} ariaLabel='验证码' value={code} onChange={setCode} prefix='guardian-link' sendCode={sendCode} busy={busy} onSend={send} />
      <FormError message={error} testId='guardian-link-error' />
      <WideButton busy={confirming} disabled={!ready || busy} onClick={confirm} testId='guardian-link-confirm'>
        确认
      </WideButton>
    </View>
  );
}
