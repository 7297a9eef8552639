import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { Input } from '../../../ui/input';
import type { AuditEntry, PlatformOpsService } from '../services/platform-ops.service';
import { describeAuditAction, TARGET_LABELS } from './audit-labels';
import { FormError } from '../../../ui/form-error';

const PAGE = 20;

export interface AuditLogProps {
  service: Pick<PlatformOpsService, 'listAuditLog'>;
}

/** 审计日志: every operator action, newest first, filtered by target and operator, 20 at a time. */
export function AuditLog({ service }: AuditLogProps) {
  const [targetType, setTargetType] = useState('');
  const [targetId, setTargetId] = useState('');
  const [operatorId, setOperatorId] = useState('');
  const [applied, setApplied] = useState({ targetId: '', operatorId: '' });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');

  const load = useCallback(
    async (beforeId?: number) => {
      setError('');
      try {
        const page = await service.listAuditLog({ targetType, targetId: applied.targetId, operatorId: applied.operatorId, beforeId, limit: PAGE });
        setEntries((prev) => (beforeId && prev ? [...prev, ...page] : page));
        setMore(page.length === PAGE);
      } catch (failure) {
        setError(messageOf(failure));
      }
    },
    [service, targetType, applied],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <View className='card' data-testid='ops-audit'>
      <ChoiceChips
        label='对象类型'
        testId='ops-audit-type'
        value={targetType || 'all'}
        options={[{ value: 'all', label: '全部' }, ...Object.entries(TARGET_LABELS).map(([value, label]) => ({ value, label }))]}
        onChange={(v) => setTargetType(v === 'all' ? '' : v)}
      />
      <View className='field'>
        <Text className='field__label'>对象 ID</Text>
        <View className='field__control'>
          <Input type='text' placeholder='账号、企业或材料的 ID（可选）' value={targetId} onChange={setTargetId} aria-label='对象 ID' data-testid='ops-audit-target' />
        </View>
        <Text className='field__label'>操作人 ID</Text>
        <View className='field__control'>
          <Input type='text' placeholder='运营人员的用户 ID（可选）' value={operatorId} onChange={setOperatorId} aria-label='操作人 ID' data-testid='ops-audit-operator' />
        </View>
        <Button size='small' onClick={() => setApplied({ targetId: targetId.trim(), operatorId: operatorId.trim() })} data-testid='ops-audit-apply'>
          筛选
        </Button>
      </View>
      <FormError message={error} testId='ops-audit-error' inline />
      {entries?.length === 0 && <Text className='settings-muted'>没有符合条件的记录</Text>}
      {entries?.map((e) => (
        <View key={e.id} className='settings-list-item' data-testid={`ops-audit-entry-${e.id}`}>
          <Text className='settings-doc__title'>{describeAuditAction(e.action)}</Text>
          <Text className='settings-muted'>
            {new Date(e.created_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} · {TARGET_LABELS[e.target_type] ?? e.target_type}{' '}
            {e.target_id ?? ''}
          </Text>
          <Text className='settings-muted'>操作人：{e.operator_id ?? '系统'}</Text>
          {e.reason && <Text>原因：{e.reason}</Text>}
          {(e.before !== null || e.after !== null) && (
            <Text className='settings-muted'>
              变更：{JSON.stringify(e.before)} → {JSON.stringify(e.after)}
            </Text>
          )}
        </View>
      ))}
      {more && entries && (
        <Button size='small' onClick={() => load(entries[entries.length - 1].id)} data-testid='ops-audit-more'>
          加载更多
        </Button>
      )}
    </View>
  );
}
