import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { AccessDenied } from '../../../ui/access-denied';
import { Button } from '../../../ui/button';
import { Loading } from '../../../ui/loading';
import { opsService, type OperatorAccess, type OpsService } from '../services/ops.service';
import { AccountActionForm } from './account-action-form';
import { ChoiceChips } from '../../../ui/choice-chips';
import { PublishVersionForm } from './publish-version-form';
import { ReportsList } from './reports-list';

type Tab = 'reports' | 'action' | 'publish';

export interface OpsConsoleProps {
  enabled: boolean;
  service?: OpsService;
}

/** 平台运营: only platform operators (the database decides; this page only asks it). */
export function OpsConsole({ enabled, service = opsService }: OpsConsoleProps) {
  const [access, setAccess] = useState<OperatorAccess | null>(null);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [tab, setTab] = useState<Tab>('reports');
  const [actUserId, setActUserId] = useState('');

  useEffect(() => {
    if (!enabled) return;
    setError('');
    service.readOperatorAccess().then(setAccess, (failure: unknown) => setError(messageOf(failure)));
  }, [enabled, service, attempt]);

  if (error) {
    return (
      <View className='state'>
        <Text role='alert'>{error}</Text>
        <Button className='state__action' size='small' onClick={() => setAttempt((n) => n + 1)}>
          重试
        </Button>
      </View>
    );
  }
  if (!access) {
    return (
      <View className='state'>
        <Loading type='circular'>加载中…</Loading>
      </View>
    );
  }
  if (access !== 'operator') {
    return <AccessDenied message='仅平台运营人员可以使用此页面。' testId='ops-denied' />;
  }

  return (
    <View data-testid='ops-console'>
      <ChoiceChips tone='danger'
        label='运营功能'
        testId='ops-tab'
        value={tab}
        options={[
          { value: 'reports', label: '被盗申诉' },
          { value: 'action', label: '账号处置' },
          { value: 'publish', label: '发布协议' },
        ]}
        onChange={(v) => setTab(v as Tab)}
      />
      {tab === 'reports' && (
        <ReportsList
          service={service}
          onActOnAccount={(userId) => {
            setActUserId(userId);
            setTab('action');
          }}
        />
      )}
      {tab === 'action' && <AccountActionForm service={service} userId={actUserId} />}
      {tab === 'publish' && <PublishVersionForm service={service} />}
    </View>
  );
}
