import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { ConfirmAction } from '../../../ui/confirm-action';
import type { AccountAction } from '../../identity';
import type { FoundAccount } from '../services/platform-ops.service';
import type { OpsService } from '../services/ops.service';
import { ChoiceChips } from '../../../ui/choice-chips';
import { FormError } from '../../../ui/form-error';
import { StatusLine } from '../../../ui/status-line';

export const ACTION_LABELS: Record<AccountAction, string> = {
  warn: '警告',
  restrict: '限制功能',
  suspend: '暂停使用',
  terminate: '终止账号',
  restore: '恢复正常',
};

const CONSEQUENCES: Record<AccountAction, string> = {
  warn: '仅向用户发送警告通知，账号状态不变。',
  restrict: '账号状态改为“受限”：仍可登录和查看，但不能创建企业、邀请成员、发布或评论内容。',
  suspend: '账号立即暂停使用：所有设备退出登录，不能再登录，直到恢复。',
  terminate: '账号立即终止：所有设备退出登录，不能再登录。',
  restore: '账号恢复正常，解除登录限制。',
};

export const STATUS_LABELS: Record<string, string> = { active: '正常', restricted: '受限', suspended: '已暂停', terminated: '已终止' };
const AGE_LABELS: Record<string, string> = { adult: '成年', under_18: '未满 18 周岁', under_14: '未满 14 周岁', unknown: '未填写出生日期' };

export interface AccountActionFormProps {
  service: Pick<OpsService, 'actOnAccount' | 'findAccount'>;
  /** prefilled from a stolen-account report's account */
  userId?: string;
}

/**
 * 账号处置: the operator finds the account by its phone number (the database answers with the phone
 * masked and audits the lookup), checks who it is, then acts. An account can also come from a report.
 */
export function AccountActionForm({ service, userId: reportUserId = '' }: AccountActionFormProps) {
  const [phone, setPhone] = useState('');
  const [account, setAccount] = useState<FoundAccount | null>(null);
  const [lookupError, setLookupError] = useState('');
  const [action, setAction] = useState<AccountAction>('warn');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState('');

  useEffect(() => setAccount(null), [reportUserId]);
  const userId = account?.user_id ?? reportUserId;

  const find = async () => {
    setLookupError('');
    setResult('');
    try {
      // as people copy numbers: "138 0013 8000", "138-0013-8000"; the database takes +86 / 86 / national
      setAccount(await service.findAccount(phone.replace(/[\s-]/g, '')));
    } catch (failure) {
      setAccount(null);
      setLookupError(messageOf(failure));
    }
  };

  const act = async () => {
    const done = await service.actOnAccount(userId, action, reason.trim());
    setResult(
      `已执行“${ACTION_LABELS[done.action]}”：账号状态 ${STATUS_LABELS[done.account_status] ?? done.account_status}${done.sessions_ended ? '，已结束其全部登录' : ''}`,
    );
    if (account) setAccount({ ...account, account_status: done.account_status as FoundAccount['account_status'] });
  };
  const who = account ? `${account.display_name || '未命名用户'}（${account.phone_masked}）` : '申诉记录中的账号';

  return (
    <View className='card' data-testid='ops-action'>
      <View className='field'>
        <Text className='field__label'>手机号</Text>
        <View className='field__control'>
          <Input type='tel' placeholder='要处置账号的手机号' value={phone} onChange={setPhone} aria-label='手机号' data-testid='ops-action-phone' />
        </View>
        <Button size='small' disabled={phone.replace(/\D/g, '').length < 11} onClick={find} data-testid='ops-action-find'>
          查找账号
        </Button>
        <FormError message={lookupError} testId='ops-action-find-error' inline />
      </View>
      {account && (
        <View className='settings-note' data-testid='ops-action-account'>
          <Text>
            {who} · 状态 {STATUS_LABELS[account.account_status] ?? account.account_status} · {AGE_LABELS[account.age_band] ?? ''}
            {account.is_operator ? ' · 平台运营人员' : ''}
          </Text>
          <Text className='settings-muted'>
            {account.enterprises.length
              ? `所在企业：${account.enterprises.map((e) => `${e.name}（${e.role === 'admin' ? '管理员' : '成员'}）`).join('、')}`
              : '未加入企业'}
          </Text>
        </View>
      )}
      {!account && reportUserId && (
        <Text className='settings-muted' data-testid='ops-action-from-report'>
          将处置申诉记录中的账号；也可以按手机号查找其他账号。
        </Text>
      )}
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
        message={`${CONSEQUENCES[action]} ${who}会收到通知，原因和操作人将记入审计日志。`}
        confirmLabel='确认执行'
        disabled={!userId || reason.trim().length < 2}
        testId='ops-action-submit'
        onConfirm={act}
      />
      <StatusLine message={result} className='settings-note' testId='ops-action-result' />
    </View>
  );
}
