import { Text, Textarea, View } from '@tarojs/components';
import { maskPhone } from '../../../lib/phone';
import { useState } from 'react';
import { ConfirmAction } from '../../../ui/confirm-action';
import { AckCheckbox } from '../../account-settings';
import type { AccountReport, OpsService } from '../services/ops.service';
import { ChoiceChips } from '../../../ui/choice-chips';
import './ops.css';
import { formatShanghai } from '../../../lib/time';

export interface ReportItemProps {
  report: AccountReport;
  service: Pick<OpsService, 'resolveAccountReport'>;
  /** the result text; the list reloads, so the list shows it */
  onResolved(message: string): void;
  onActOnAccount(userId: string): void;
}

export const REPORT_STATUS: Record<AccountReport['status'], string> = { open: '待处理', confirmed: '已核实', rejected: '已驳回' };

/** One stolen-account report; open ones can be confirmed (optionally freezing the account) or rejected. */
export function ReportItem({ report, service, onResolved, onActOnAccount }: ReportItemProps) {
  const [outcome, setOutcome] = useState<'confirmed' | 'rejected'>('confirmed');
  const [freeze, setFreeze] = useState(false);
  const [note, setNote] = useState('');
  const canFreeze = outcome === 'confirmed' && report.target_user_id !== null;

  const resolve = async () => {
    const done = await service.resolveAccountReport(report.id, outcome, canFreeze && freeze, note.trim());
    onResolved(`申诉 ${report.id} 已处理：${REPORT_STATUS[done.status as AccountReport['status']] ?? done.status}${done.froze_account ? '，账号已冻结' : ''}`);
  };

  return (
    <View className='settings-list-item' data-testid={`ops-report-${report.id}`}>
      <View className='settings-row'>
        <Text className='settings-doc__title'>
          {report.real_name} · {maskPhone(report.reported_phone)}
        </Text>
        <Text className={`settings-tag ${report.status === 'open' ? 'settings-tag--required' : ''}`}>{REPORT_STATUS[report.status]}</Text>
      </View>
      <Text className='settings-muted'>
        编号 {report.id} · {formatShanghai(report.created_at)} · 联系方式：{report.contact || '—'}
      </Text>
      <Text className='ops-report__evidence'>{report.evidence}</Text>
      {report.target_user_id ? (
        <Text className='settings-link' role='button' onClick={() => onActOnAccount(report.target_user_id as string)}>
          对应账号 {report.target_user_id}（带入账号处置）
        </Text>
      ) : (
        <Text className='settings-muted'>该手机号目前没有对应的账号</Text>
      )}
      {report.status !== 'open' ? (
        <Text className='settings-muted'>
          {formatShanghai(report.resolved_at)} 处理：{report.resolution_note}
          {report.froze_account ? '（已冻结账号）' : ''}
        </Text>
      ) : (
        <View>
          <ChoiceChips tone='danger'
            label='处理结果'
            testId={`ops-report-${report.id}-outcome`}
            value={outcome}
            options={[
              { value: 'confirmed', label: '核实属实' },
              { value: 'rejected', label: '驳回' },
            ]}
            onChange={(v) => setOutcome(v as 'confirmed' | 'rejected')}
          />
          {canFreeze && (
            <AckCheckbox checked={freeze} onChange={setFreeze} testId={`ops-report-${report.id}-freeze`}>
              同时冻结该账号（暂停使用并结束其全部登录）
            </AckCheckbox>
          )}
          <View className='field'>
            <Text className='field__label'>处理说明（会通知申诉人）</Text>
            <Textarea className='settings-textarea' maxlength={500} value={note} onInput={(e) => setNote(e.detail.value)} aria-label='处理说明' data-testid={`ops-report-${report.id}-note`} />
          </View>
          <ConfirmAction
            label='提交处理'
            type='primary'
            message={`将该申诉标记为“${REPORT_STATUS[outcome]}”${canFreeze && freeze ? '，并立即冻结对应账号' : ''}。处理后不能更改。`}
            confirmLabel='确认处理'
            disabled={note.trim().length < 2}
            testId={`ops-report-${report.id}-resolve`}
            onConfirm={resolve}
          />
        </View>
      )}
    </View>
  );
}
