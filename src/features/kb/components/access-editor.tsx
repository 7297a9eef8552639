import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { Input } from '../../../ui/input';
import { LoadState } from '../../../ui/load-state';
import { useLoader } from '../hooks/use-kb-loader';
import { kbService, type KbService } from '../services/kb.service';
import { ROLE_LABEL, type GranteeKind, type KbGrant, type KbRole } from '../services/kb.types';
import './kb.css';

const ROLES = (['viewer', 'downloader', 'editor', 'manager'] as const).map((r) => ({ value: r, label: ROLE_LABEL[r] }));
const KINDS = [{ value: 'member', label: '成员' }, { value: 'department', label: '部门' }, { value: 'everyone', label: '企业全员' }] as const;

export interface AccessEditorProps {
  nodeId: string;
  enterpriseId: string;
  title: string;
  isSpace: boolean;
  service?: Pick<KbService, 'nodeAccess' | 'setGrants' | 'inheritGrants' | 'grantees'>;
}

const same = (a: KbGrant, b: KbGrant) => a.kind === b.kind && (a.id ?? null) === (b.id ?? null);

/**
 * Who can see a space, folder or page (the grants of the node that decides, and where they come
 * from), and the manager's editor for them: grant members, departments (with their sub-departments)
 * or everyone; stop inheriting (the node gets its own list, starting from the inherited one); or
 * inherit again. The server checks every change (kb_set_grants, kb_inherit_grants).
 */
export function AccessEditor({ nodeId, enterpriseId, title, isSpace, service = kbService }: AccessEditorProps) {
  const access = useLoader(() => service.nodeAccess(nodeId), nodeId, !!nodeId);
  const [draft, setDraft] = useState<KbGrant[] | null>(null);
  const people = useLoader(() => service.grantees(enterpriseId), enterpriseId, draft !== null);
  const [kind, setKind] = useState<GranteeKind>('member');
  const [target, setTarget] = useState('');
  const [role, setRole] = useState<KbRole>('viewer');
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    try {
      await fn();
      setDraft(null);
      access.reload();
      void Taro.showToast({ title: done, icon: 'none' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  if (!access.data) return <LoadState loading={access.loading} error={access.error} onRetry={access.reload} testId='kb-access' />;
  const a = access.data;
  const candidates = kind === 'department'
    ? (people.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))
    : (people.data?.members ?? []).map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }));
  const shown = candidates.filter((c) => !filter.trim() || c.label.includes(filter.trim())).slice(0, 20);
  const add = () => {
    const label = kind === 'everyone' ? '企业全员' : candidates.find((c) => c.value === target)?.label ?? '';
    const grant: KbGrant = { role, kind, id: kind === 'everyone' ? null : target, name: label };
    setDraft((d) => [...(d ?? []).filter((g) => !same(g, grant)), grant]);
    setTarget('');
  };
  return (
    <View data-testid='kb-access'>
      <Text className='kb-section-title'>{`谁能看到「${title}」`}</Text>
      <Text className='kb-muted' data-testid='kb-access-source'>
        {a.inherits ? `继承自「${a.acl_node_title}」的权限` : '这里单独设置了权限，不再继承上级'}
      </Text>
      {(draft ?? a.grants).map((g, i) => (
        <View key={`${g.kind}-${g.id ?? ''}`} className='kb-item' data-testid='kb-access-grant'>
          <Text className='kb-item__title'>{g.name ?? ''}</Text>
          {draft ? (
            <View>
              <ChoiceChips label='权限' options={ROLES} value={g.role} testId={`kb-access-grant-role-${i}`}
                onChange={(r) => setDraft(draft.map((x, j) => (j === i ? { ...x, role: r as KbRole } : x)))} />
              <Button size='small' fill='none' data-testid='kb-access-remove' onClick={() => setDraft(draft.filter((_, j) => j !== i))}>移除</Button>
            </View>
          ) : <Text className='kb-muted'>{ROLE_LABEL[g.role]}</Text>}
        </View>
      ))}
      {!(draft ?? a.grants).length ? <Text className='kb-muted'>还没有任何人被授权（管理员始终可以管理）</Text> : null}
      {draft ? (
        <View data-testid='kb-access-add-form'>
          <ChoiceChips label='授权给' options={KINDS} value={kind} testId='kb-access-kind' onChange={(k) => { setKind(k as GranteeKind); setTarget(''); }} />
          {kind !== 'everyone' ? (
            <View>
              <Input type='text' placeholder='按名称筛选' value={filter} onChange={(v: string) => setFilter(v)} aria-label='按名称筛选' data-testid='kb-access-filter' />
              <LoadState loading={people.loading} error={people.error} onRetry={people.reload} isEmpty={!shown.length} empty='没有可选的对象' testId='kb-access-targets' />
              {shown.length ? <ChoiceChips label={kind === 'member' ? '成员' : '部门（含下级部门）'} options={shown} value={target} testId='kb-access-target' onChange={setTarget} /> : null}
            </View>
          ) : null}
          <ChoiceChips label='权限' options={ROLES} value={role} testId='kb-access-role' onChange={(r) => setRole(r as KbRole)} />
          <Button size='small' disabled={kind !== 'everyone' && !target} data-testid='kb-access-add' onClick={add}>添加</Button>
        </View>
      ) : null}
      {error ? <Text role='alert' data-testid='kb-access-error'>{error}</Text> : null}
      <View className='kb-toolbar'>
        {draft ? (
          <>
            <Button size='small' type='primary' disabled={busy} data-testid='kb-access-save' onClick={() => void run(() => service.setGrants(nodeId, draft), '权限已保存')}>保存权限</Button>
            <Button size='small' fill='none' disabled={busy} onClick={() => setDraft(null)}>取消</Button>
          </>
        ) : (
          <Button size='small' type='primary' data-testid='kb-access-customize' onClick={() => setDraft(a.grants)}>
            {a.inherits ? '单独设置权限（停止继承）' : '编辑权限'}
          </Button>
        )}
        {!draft && !a.inherits && !isSpace ? (
          <Button size='small' disabled={busy} data-testid='kb-access-inherit' onClick={() => void run(() => service.inheritGrants(nodeId), '已恢复继承')}>恢复继承上级权限</Button>
        ) : null}
      </View>
    </View>
  );
}
