import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { Loading } from '../../../ui/loading';
import type { AccountReport, OpsService } from '../services/ops.service';
import { ChoiceChips } from '../../../ui/choice-chips';
import { ReportItem } from './report-item';
import { StatusLine } from '../../../ui/status-line';

export interface ReportsListProps {
  service: Pick<OpsService, 'listAccountReports' | 'resolveAccountReport'>;
  onActOnAccount(userId: string): void;
}

/** 账号被盗申诉: open ones first to work through, or all with their outcomes. */
export function ReportsList({ service, onActOnAccount }: ReportsListProps) {
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [reports, setReports] = useState<AccountReport[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(() => {
    setError('');
    service.listAccountReports(filter).then(setReports, (failure: unknown) => setError(messageOf(failure)));
  }, [service, filter]);

  useEffect(load, [load]);

  return (
    <View className='card' data-testid='ops-reports'>
      <ChoiceChips tone='danger'
        label='显示'
        testId='ops-reports-filter'
        value={filter}
        options={[
          { value: 'open', label: '待处理' },
          { value: 'all', label: '全部' },
        ]}
        onChange={(v) => setFilter(v as 'open' | 'all')}
      />
      <StatusLine message={notice} className='settings-note' testId='ops-report-result' />
      {error ? (
        <View className='state'>
          <Text role='alert'>{error}</Text>
          <Button className='state__action' size='small' onClick={load}>
            重试
          </Button>
        </View>
      ) : reports === null ? (
        <Loading type='circular'>加载中…</Loading>
      ) : reports.length === 0 ? (
        <Text className='settings-note' data-testid='ops-reports-empty'>
          {filter === 'open' ? '没有待处理的申诉' : '暂无申诉'}
        </Text>
      ) : (
        reports.map((report) => (
          <ReportItem
            key={report.id}
            report={report}
            service={service}
            onActOnAccount={onActOnAccount}
            onResolved={(message) => {
              setNotice(message);
              load();
            }}
          />
        ))
      )}
      <Button size='small' fill='outline' onClick={load} data-testid='ops-reports-refresh'>
        刷新
      </Button>
    </View>
  );
}
