import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { activeDocIds, applicableDocs, useAgreementsData } from '../hooks/use-agreements-data';
import { accountSettingsService, type AccountSettingsService } from '../services/account-settings.service';
import { AgreementCard } from './agreement-card';
import { CANCEL_PAGE, ConsentChoices } from './consent-choices';
import { ConsentHistory } from './consent-history';
import { GuardianPanel } from './guardian-panel';
import './settings.css';
import { PendingState } from '../../../ui/load-state';

export interface AgreementsSettingsProps {
  enabled: boolean;
  service?: AccountSettingsService;
}

/** 协议与隐私: current documents, optional consents, guardian (minors) and the consent history. */
export function AgreementsSettings({ enabled, service = accountSettingsService }: AgreementsSettingsProps) {
  const { data, error, reload } = useAgreementsData(enabled, service);

  if (!data) {
    return (
      <PendingState error={error} onRetry={reload} />
    );
  }

  const docs = applicableDocs(data.agreements, data.status.age_band);
  const toast = (title: string) => void Taro.showToast({ title, icon: 'success', duration: 1500 });
  // Each action reloads everything: the server's status and history are the truth to show.
  const withdraw = async (documentId: string) => {
    await service.withdrawConsent(documentId);
    toast('已撤回');
    reload();
  };
  const accept = async (versionId: string) => {
    await service.acceptAgreements([versionId]);
    toast('已同意');
    reload();
  };
  const withdrawGuardian = async () => {
    await service.withdrawGuardianConsent();
    toast('已撤回');
    reload();
  };

  return (
    <View data-testid='agreements-settings'>
      <Text className='settings-section-title'>当前协议</Text>
      {docs.map((doc) => (
        <AgreementCard key={doc.document_id} doc={doc} />
      ))}

      <Text className='settings-section-title'>授权管理</Text>
      <ConsentChoices
        docs={docs.filter((d) => d.audience !== 'under_14')}
        activeDocIds={activeDocIds(data.history)}
        onWithdraw={(doc) => withdraw(doc.document_id)}
        onAccept={(doc) => accept(doc.version_id)}
        onOpenCancel={() => void Taro.navigateTo({ url: CANCEL_PAGE })}
      />

      {data.status.guardian.needed && (
        <>
          <Text className='settings-section-title'>监护人</Text>
          <GuardianPanel guardian={data.status.guardian} onWithdraw={withdrawGuardian} />
        </>
      )}

      <Text className='settings-section-title'>同意记录</Text>
      <ConsentHistory items={data.history} />
    </View>
  );
}
