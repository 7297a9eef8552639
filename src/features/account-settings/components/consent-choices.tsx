import { Text, View } from '@tarojs/components';
import type { AgreementDocument } from '../services/account-settings.types';
import { ConfirmAction } from '../../../ui/confirm-action';
import './settings.css';
import { routeUrl } from '../../../lib/routes';

export const CANCEL_PAGE = routeUrl('cancel');

export interface ConsentChoicesProps {
  docs: AgreementDocument[];
  /** documents with an active consent of the user (any version) */
  activeDocIds: ReadonlySet<string>;
  onWithdraw(doc: AgreementDocument): Promise<void>;
  onAccept(doc: AgreementDocument): Promise<void>;
  onOpenCancel(): void;
}

/**
 * Per document: optional ones can be withdrawn (or agreed to again); required ones cannot be
 * withdrawn on their own (withdraw_consent refuses them), so the way out is explained instead.
 */
export function ConsentChoices({ docs, activeDocIds, onWithdraw, onAccept, onOpenCancel }: ConsentChoicesProps) {
  if (docs.length === 0) return <Text className='settings-note'>暂无需要管理的授权</Text>;
  return (
    <View className='card'>
      {docs.map((doc) => {
        const active = activeDocIds.has(doc.document_id);
        return (
          <View key={doc.document_id} className='settings-list-item' data-testid={`consent-${doc.slug}`}>
            <View className='settings-row'>
              <Text className='settings-doc__title'>{doc.title}</Text>
              <Text className='settings-muted' data-testid={`consent-${doc.slug}-state`}>
                {active ? '已同意' : '未同意'}
              </Text>
            </View>
            {doc.required ? (
              <Text className='settings-note'>
                使用知享所必需，不能单独撤回。如不再同意，可以停止使用，或
                <Text className='settings-link' role='link' data-testid={`consent-${doc.slug}-cancel-link`} onClick={onOpenCancel}>
                  注销账号
                </Text>
                。
              </Text>
            ) : active ? (
              <ConfirmAction
                label='撤回同意'
                message={`撤回后，我们将停止基于《${doc.title}》处理你的信息，相关功能将不再提供；你可以随时重新同意。`}
                confirmLabel='确认撤回'
                testId={`consent-${doc.slug}-withdraw`}
                onConfirm={() => onWithdraw(doc)}
              />
            ) : (
              <ConfirmAction
                label='同意'
                type='primary'
                message={`确认你已阅读并同意《${doc.title}》（${doc.version_title}）。`}
                confirmLabel='同意'
                testId={`consent-${doc.slug}-accept`}
                onConfirm={() => onAccept(doc)}
              />
            )}
          </View>
        );
      })}
    </View>
  );
}
