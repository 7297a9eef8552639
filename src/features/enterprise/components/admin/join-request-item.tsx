import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../../lib/errors/app-error';
import { Button } from '../../../../ui/button';
import { firstMessage, rejectReasonSchema } from '../../schemas/enterprise.schema';
import type { AdminService } from '../../services/admin.service';
import type { JoinRequestRow } from '../../services/enterprise.types';
import { ROLE_LABEL } from '../labels';
import { formatShanghai } from '../../../../lib/time';

export interface JoinRequestItemProps {
  request: JoinRequestRow;
  service: Pick<AdminService, 'decideJoinRequest'>;
  onDecided(message: string): void;
}

const STATUS: Record<JoinRequestRow['status'], string> = { pending: '待审批', approved: '已通过', rejected: '已拒绝', declined: '对方已拒绝邀请', withdrawn: '已撤回' };

/** One join request: approve, or reject with a reason the person will read. */
export function JoinRequestItem({ request, service, onDecided }: JoinRequestItemProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const who = request.display_name || '未填写姓名';
  const testId = `join-request-${request.id}`;

  const decide = async (approve: boolean) => {
    let why = '';
    if (!approve) {
      const parsed = rejectReasonSchema.safeParse(reason);
      if (!parsed.success) {
        setError(firstMessage(parsed.error));
        return;
      }
      why = parsed.data;
    }
    setBusy(true);
    setError('');
    try {
      await service.decideJoinRequest(request.id, approve, why);
      onDecided(approve ? '已通过加入申请' : '已拒绝加入申请');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='ent-item' data-testid={testId} data-user={request.user_id}>
      <View className='ent-row'>
        <Text className='ent-title'>{who}</Text>
        <Text className='ent-tag ent-tag--warn'>{STATUS[request.status] ?? request.status}</Text>
      </View>
      <Text className='ent-muted'>
        {[request.phone_masked, request.inviter_name && `${request.inviter_name} 邀请`, `加入后为${ROLE_LABEL[request.role] ?? request.role}`].filter(Boolean).join(' · ')}
      </Text>
      <Text className='ent-muted'>
        申请时间 {formatShanghai(request.created_at, '—')}
        {request.status === 'rejected' && request.reason ? ` · 拒绝原因：${request.reason}` : ''}
      </Text>
      {request.status === 'pending' && (
        <View>
          {rejecting && (
            <View className='field'>
              <Text className='field__label'>拒绝原因（会通知申请人）</Text>
              <Textarea className='ent-textarea' maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} aria-label='拒绝原因' data-testid={`${testId}-reason`} />
            </View>
          )}
          {error && (
            <Text className='field__error' role='alert' data-testid={`${testId}-error`}>
              {error}
            </Text>
          )}
          <View className='action-stack'>
            {!rejecting ? (
              <>
                <Button block type='primary' role='button' loading={busy} disabled={busy} data-testid={`${testId}-approve`} onClick={() => void decide(true)}>
                  通过
                </Button>
                <Button block fill='outline' type='danger' role='button' disabled={busy} data-testid={`${testId}-reject`} onClick={() => setRejecting(true)}>
                  拒绝
                </Button>
              </>
            ) : (
              <>
                <Button block type='danger' role='button' loading={busy} disabled={busy} data-testid={`${testId}-reject-confirm`} onClick={() => void decide(false)}>
                  确认拒绝
                </Button>
                <Button block fill='outline' role='button' disabled={busy} onClick={() => setRejecting(false)}>
                  取消
                </Button>
              </>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
