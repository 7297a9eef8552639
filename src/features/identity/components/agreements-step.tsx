import { Text, View } from '@tarojs/components';
import './identity.css';
import { useMemo, useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { identityService, type IdentityService } from '../services/identity.service';
import type { ConsentStatus, CurrentAgreement, MissingAgreement } from '../services/identity.types';
import { AgreementCard } from './agreement-card';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface AgreementsStepProps {
  /** what the user still has to decide on (my_consent_status.missing) */
  missing: MissingAgreement[];
  /** current versions with their texts (get_current_agreements) */
  agreements: CurrentAgreement[];
  onDone(status: ConsentStatus): void;
  onDecline(): void;
  service?: Pick<IdentityService, 'acceptAgreements'>;
}

/** Step (b): read and accept. Boxes start unticked; only ticked versions are sent. */
export function AgreementsStep({ missing, agreements, onDone, onDecline, service = identityService }: AgreementsStepProps) {
  // Guardian-consented documents (children's statement) belong to the guardian step.
  const shown = useMemo(() => missing.filter((item) => !item.needs_guardian), [missing]);
  const required = shown.filter((item) => item.required);
  const optional = shown.filter((item) => !item.required);
  const updated = shown.some((item) => item.previously_consented_version !== null);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const { busy: saving, error, run } = useAction();

  const allRequiredTicked = required.every((item) => ticked[item.version_id]);
  const canAccept = allRequiredTicked && required.length + optional.length > 0 && !saving;
  const bodyOf = (item: MissingAgreement) => agreements.find((doc) => doc.version_id === item.version_id);

  const accept = async () => {
    if (!canAccept) return;
    // Exactly the versions shown here and ticked, in display order.
    const ids = shown.filter((item) => ticked[item.version_id]).map((item) => item.version_id);
    if (ids.length === 0) return;
    await run(async () => {
      onDone(await service.acceptAgreements(ids));
    });
  };

  const renderCard = (item: MissingAgreement) => (
    <AgreementCard
      key={item.version_id}
      item={item}
      agreement={bodyOf(item)}
      checked={Boolean(ticked[item.version_id])}
      onToggle={(checked) => setTicked((prev) => ({ ...prev, [item.version_id]: checked }))}
    />
  );

  return (
    <View className='onboarding-step' data-testid='onboarding-agreements'>
      <View className='card'>
        <Text className='onboarding-step__title'>{updated ? '协议已更新' : '阅读并同意协议'}</Text>
        <Text className='onboarding-step__why' data-testid={updated ? 'agreements-updated' : undefined}>
          {updated
            ? '以下协议发布了新版本。请阅读更新后的全文，同意后即可继续使用；如不同意，可以退出登录或注销账号。'
            : '使用知享前，请仔细阅读以下协议，特别是加粗标出的重点条款（服务变更、中止或终止，免除或者限制责任，管辖与法律适用）。'}
        </Text>
      </View>
      {required.map(renderCard)}
      {optional.length > 0 && (
        <>
          <Text className='onboarding-step__section'>可选授权（不同意不影响使用）</Text>
          {optional.map(renderCard)}
        </>
      )}
      <FormError message={error} testId='agreements-error' />
      <View className='onboarding-actions'>
        <WideButton
          busy={saving}
          disabled={!canAccept}
          onClick={accept}
          testId='agreements-accept'
        >
          同意并继续
        </WideButton>
        <WideButton type='default' fill='none' onClick={onDecline} testId='agreements-decline'>
          不同意
        </WideButton>
      </View>
    </View>
  );
}
