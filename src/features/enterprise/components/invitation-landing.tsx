import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { useLoader } from '../../../lib/hooks/use-loader';
import { enterpriseService, type EnterpriseService } from '../services/enterprise.service';
import type { AcceptResult } from '../services/enterprise.types';
import { INVITATION_STATE_LABEL, JOIN_RULE_LABEL, ROLE_LABEL } from './labels';
import { LoadState } from '../../../ui/load-state';
import './enterprise.css';
import { formatShanghai } from '../../../lib/time';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface InvitationLandingProps {
  code: string;
  enabled: boolean;
  /** after joining (status 'joined'): the enterprise is now current */
  onJoined(enterpriseId: string): void;
  service?: Pick<EnterpriseService, 'getInvitation' | 'acceptInvitation' | 'declineInvitation' | 'myPendingRequestId' | 'withdrawJoinRequest'>;
}

type Outcome = { kind: 'accepted'; result: AcceptResult } | { kind: 'declined' } | { kind: 'withdrawn' } | null;

/** The invitation landing page: which enterprise, who invited, 加入 / 拒绝. */
export function InvitationLanding({ code, enabled, onJoined, service = enterpriseService }: InvitationLandingProps) {
  const invitation = useLoader(() => service.getInvitation(code), code, enabled && code !== '');
  const [busy, setBusy] = useState<'' | 'accept' | 'decline' | 'withdraw'>('');
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const act = async (kind: 'accept' | 'decline' | 'withdraw') => {
    setBusy(kind);
    setError('');
    try {
      if (kind === 'withdraw') {
        const requestId = await service.myPendingRequestId(invitation.data?.enterprise_id ?? '');
        if (requestId) await service.withdrawJoinRequest(requestId);
        setOutcome({ kind: 'withdrawn' });
      } else if (kind === 'accept') {
        const result = await service.acceptInvitation(code);
        setOutcome({ kind: 'accepted', result });
        if (result.status === 'joined') onJoined(result.enterprise_id);
      } else {
        await service.declineInvitation(code);
        setOutcome({ kind: 'declined' });
      }
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy('');
    }
  };

  const inv = invitation.data;
  if (!inv) {
    return <LoadState loading={invitation.loading} error={invitation.error} onRetry={invitation.reload} testId='invitation' />;
  }

  let status: string;
  if (outcome?.kind === 'declined') status = '你已拒绝该邀请';
  else if (outcome?.kind === 'withdrawn') status = '你已撤回加入申请';
  else if (outcome?.kind === 'accepted') status = outcome.result.status === 'joined' ? `已加入${inv.enterprise_name}` : '已提交加入申请，等待管理员审批';
  else status = INVITATION_STATE_LABEL[inv.state] ?? inv.state;
  const open = inv.state === 'valid' && outcome === null;
  const waiting = (inv.state === 'pending_request' && outcome === null) || (outcome?.kind === 'accepted' && outcome.result.status === 'pending');

  return (
    <View className='card' data-testid='invitation-card' data-state={outcome ? outcome.kind : inv.state}>
      <Text className='page-subtitle'>{inv.inviter_name || '同事'} 邀请你加入</Text>
      <Text className='page-title' data-testid='invitation-enterprise'>
        {inv.enterprise_name}
      </Text>
      <Text className='ent-muted'>
        {inv.industry} · 加入后身份：{ROLE_LABEL[inv.role] ?? inv.role}
      </Text>
      <Text className='ent-muted'>加入方式：{JOIN_RULE_LABEL[inv.join_rule] ?? inv.join_rule}</Text>
      <Text className='ent-muted'>有效期至 {formatShanghai(inv.expires_at, '—')}</Text>
      <View className={open ? 'ent-muted' : 'form-error'} role='status' data-testid='invitation-status'>
        {status}
      </View>
      <FormError message={error} testId='invitation-error' />
      {waiting && (
        <View className='action-stack'>
          <WideButton type='default' fill='outline' busy={busy === 'withdraw'} disabled={Boolean(busy)} testId='invitation-withdraw' onClick={() => void act('withdraw')}>
            撤回申请
          </WideButton>
        </View>
      )}
      {open && (
        <View className='action-stack'>
          <WideButton busy={busy === 'accept'} disabled={Boolean(busy)} testId='invitation-accept' onClick={() => void act('accept')}>
            加入
          </WideButton>
          <WideButton type='default' fill='outline' busy={busy === 'decline'} disabled={Boolean(busy)} testId='invitation-decline' onClick={() => void act('decline')}>
            拒绝
          </WideButton>
        </View>
      )}
    </View>
  );
}
