import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import type { MyEnterprise } from '../services/enterprise.types';
import { EnterpriseStatusNotice, isWritable } from './enterprise-status-notice';
import { EDITION_LABEL, QUALIFICATION_LABEL, ROLE_LABEL } from './labels';
import { LeaveEnterprise } from './leave-enterprise';
import { LoadState } from '../../../ui/load-state';
import './enterprise.css';
import { FormError } from '../../../ui/form-error';

export interface EnterpriseListProps {
  enterprises: MyEnterprise[];
  loading: boolean;
  error: string;
  onRetry(): void;
  onSwitch(id: string): Promise<void>;
  onOpenDirectory(enterprise: MyEnterprise): void;
  onOpenCard(enterprise: MyEnterprise): void;
  onOpenAdmin(enterprise: MyEnterprise): void;
  /** leaves the enterprise (then the list reloads); a thrown AppError is shown on the item */
  onLeave(enterprise: MyEnterprise): Promise<void>;
}

/** 我的企业: every enterprise the member belongs to; one is current, the others can be switched to. */
export function EnterpriseList({ enterprises, loading, error, onRetry, onSwitch, onOpenDirectory, onOpenCard, onOpenAdmin, onLeave }: EnterpriseListProps) {
  const [busy, setBusy] = useState('');
  const [switchError, setSwitchError] = useState('');
  const [notice, setNotice] = useState('');

  const leave = async (e: MyEnterprise) => {
    setNotice('');
    await onLeave(e);
    setNotice(`你已退出${e.name}`);
  };
  const noticeLine = notice ? (
    <Text className='ent-muted' role='status' data-testid='enterprise-list-notice'>
      {notice}
    </Text>
  ) : null;

  const switchTo = async (id: string) => {
    setBusy(id);
    setSwitchError('');
    try {
      await onSwitch(id);
    } catch (failure) {
      setSwitchError(messageOf(failure));
    } finally {
      setBusy('');
    }
  };

  if (enterprises.length === 0) {
    return (
      <>
        {noticeLine}
        <LoadState
        loading={loading}
        error={error}
        onRetry={onRetry}
        isEmpty
        empty='你还没有加入任何企业。可以创建企业，或输入同事给你的邀请码加入。'
        testId='enterprise-list'
        />
      </>
    );
  }

  return (
    <View data-testid='enterprise-list'>
      {noticeLine}
      <FormError message={switchError} />
      {enterprises.map((e) => (
        <View key={e.id} className='ent-item' data-testid={`enterprise-item-${e.name}`} aria-current={e.is_current}>
          <View className='ent-row'>
            <Text className='ent-title'>{e.name}</Text>
            {e.is_current ? (
              <Text className='ent-tag' data-testid='enterprise-current-tag'>
                当前企业
              </Text>
            ) : (
              <Button
                size='small'
                type='primary'
                fill='outline'
                role='button'
                loading={busy === e.id}
                disabled={Boolean(busy)}
                aria-label={`切换到${e.name}`}
                data-testid={`enterprise-switch-${e.name}`}
                onClick={() => void switchTo(e.id)}
              >
                切换
              </Button>
            )}
          </View>
          <Text className='ent-muted'>
            {e.industry} · {EDITION_LABEL[e.edition] ?? e.edition} · {ROLE_LABEL[e.role] ?? e.role} · {e.member_count} 人 · 资质
            {QUALIFICATION_LABEL[e.qualification_status] ?? e.qualification_status}
          </Text>
          <EnterpriseStatusNotice enterprise={e} testId={`enterprise-status-${e.name}`} />
          {/* Closed: nothing of it is readable any more; suspended: read-only, so no card editing.
              Admins keep 企业管理 (it explains the status and shows the cancellation request). */}
          <View className='ent-actions'>
            {e.status !== 'closed' && (
              <Button size='small' fill='outline' role='button' data-testid={`enterprise-directory-${e.name}`} onClick={() => onOpenDirectory(e)}>
                通讯录
              </Button>
            )}
            {isWritable(e) && (
              <Button size='small' fill='outline' role='button' data-testid={`enterprise-card-${e.name}`} onClick={() => onOpenCard(e)}>
                我的名片
              </Button>
            )}
            {e.role === 'admin' && (
              <Button size='small' fill='outline' role='button' data-testid={`enterprise-admin-${e.name}`} onClick={() => onOpenAdmin(e)}>
                企业管理
              </Button>
            )}
          </View>
          {/* Apart from the navigation above: a destructive action, on its own line below a divider. */}
          <View className='ent-item__leave'>
            <LeaveEnterprise enterprise={e} onLeave={leave} />
          </View>
        </View>
      ))}
    </View>
  );
}
