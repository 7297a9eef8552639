import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Input } from '../../../ui/input';
import { ConfirmAction } from '../../account-settings';
import type { AccountAction } from '../../identity';
import type { OpsService } from '../services/ops.service';
import { ChoiceChips } from '../../../ui/choice-chips';

export const ACTION_LABELS: Record<AccountAction, string> = {
  warn: '警告',
  restrict: '限制功能',
  suspend: '暂停使用',
  terminate: '终止账号',
  restore: '恢复正常',
};

const CONSEQUENCES: Record<AccountAction, string> = {
  warn: '仅向用户发送警告通知，账号状态不变。',
  restrict: '账号状态改为“受限”，部分功能（如发布内容）将受限。',
  suspend: '账号立即暂停使用：所有设备退出登录，不能再登录，直到恢复。',
  terminate: '账号立即终止：所有设备退出登录，不能再登录。',
  restore: '账号恢复正常，解除登录限制。',
};

const STATUS_LABELS: Record<string, string> = { active: '正常', restricted: '受限', suspended: '已暂停', terminated: '已终止' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccountActionFormProps {
  service: Pick<OpsService, 'actOnAccount'>;
  /** prefilled from a report's account */
  userId?: string;
}

/**
 * 账号处置. The API identifies the account by user id and offers operators no lookup by phone (no
 * SQL added for this page), so the id is typed in or taken from a stolen-account report.
 */
export function AccountActionForm({ service, userId: initialUserId = '' }: AccountActionFormProps) {
  const [userId, setUserId] = useState(initialUserId);
  const [action, setAction] = useState<AccountAction>('warn');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState('');

  useEffect(() => setUserId(initialUserId), [initialUserId]);

  const act = async () => {
    const done = await service.actOnAccount(userId.trim(), action, reason.trim());
    setResult(
      `已执行“${ACTION_LABELS[done.action]}”：账号状态 ${STATUS_LABELS[done.account_status] ?? done.account_status}${done.sessions_ended ? '，已结束其全部登录' : ''}`,
    );
  };
  const validId = UUID.test(userId.trim());

  return (
    <View className='card' data-testid='ops-action'>
      <View className='field'>
        <Text className='field__label'>用户 ID</Text>
        <View className='field__control'>
          <Input type='text' placeholder='用户的 ID（UUID）' value={userId} onChange={setUserId} aria-label='用户 ID' data-testid='ops-action-user' />
        </View>
        <Text className='settings-muted'>接口按用户 ID 处置账号，暂不支持按手机号查找；也可在“被盗申诉”中从申诉记录带入。</Text>
      </View>
      <ChoiceChips tone='danger'
        label='处置方式'
        testId='ops-action-kind'
        value={action}
        options={(Object.keys(ACTION_LABELS) as AccountAction[]).map((a) => ({ value: a, label: ACTION_LABELS[a] }))}
        onChange={(value) => setAction(value as AccountAction)}
      />
      <View className='field'>
        <Text className='field__label'>原因（会通知用户）</Text>
        <Textarea className='settings-textarea' maxlength={500} value={reason} onInput={(e) => setReason(e.detail.value)} aria-label='原因' data-testid='ops-action-reason' />
      </View>
      <ConfirmAction
        key={`${action}-${userId}`}
        label={`执行：${ACTION_LABELS[action]}`}
        message={`${CONSEQUENCES[action]} 用户 ${userId.trim()} 会收到通知，原因和操作人将被记录。`}
        confirmLabel='确认执行'
        disabled={!validId || reason.trim().length < 2}
        testId='ops-action-submit'
        onConfirm={act}
      />
      {result && (
        <Text className='settings-note' role='status' data-testid='ops-action-result'>
          {result}
        </Text>
      )}
    </View>
  );
}
