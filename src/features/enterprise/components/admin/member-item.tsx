import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ConfirmAction } from '../../../../ui/confirm-action';
import { useAction } from '../../../../lib/hooks/use-action';
import { Button } from '../../../../ui/button';
import type { AdminService } from '../../services/admin.service';
import type { DepartmentNode, ManagerScope, MemberRole, MemberRow } from '../../services/enterprise.types';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { ROLE_LABEL, SCOPE_LABEL } from '../labels';

/** What every member row of one list shares (the phone list and the desk table's side panel). */
export interface MemberListContext {
  enterpriseId: string;
  /** the signed-in admin: their own row says （我） and can't be removed */
  selfId: string;
  departments: DepartmentNode[];
  /** the edition has manager roles (scopes) */
  canGrantScopes: boolean;
  service: Pick<AdminService, 'setMemberRole' | 'removeMember' | 'moveMember'>;
  /** edit a member's card (name, title, email, employee number) */
  onOpenCard(userId: string): void;
}

export interface MemberItemProps {
  member: MemberRow;
  context: MemberListContext;
  onChanged(message: string): void;
}

const SCOPES = Object.keys(SCOPE_LABEL) as ManagerScope[];

/** One member: role and manager scopes, department, card, removal. */
export function MemberItem({ member, context, onChanged }: MemberItemProps) {
  const { enterpriseId, departments, canGrantScopes, service } = context;
  const isSelf = member.user_id === context.selfId;
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<MemberRole>(member.role);
  const [scopes, setScopes] = useState<ManagerScope[]>(member.scopes ?? []);
  const [department, setDepartment] = useState(member.department_id ?? '');
  const action = useAction();
  const { busy, error } = action;
  const name = member.display_name || '未填写姓名';
  const testId = `member-${member.display_name || member.user_id}`;

  const run = (work: () => Promise<void>, message: string) =>
    action.run(async () => {
      await work();
      onChanged(message);
    });

  const toggleScope = (s: string) =>
    setScopes((list) => (list.includes(s as ManagerScope) ? list.filter((x) => x !== s) : [...list, s as ManagerScope]));
  const departmentName = departments.find((d) => d.id === member.department_id)?.name ?? '未分配部门';

  return (
    <View className='ent-item' data-testid={testId}>
      <View className='ent-row'>
        <Text className='ent-title'>
          {name}
          {isSelf ? '（我）' : ''}
        </Text>
        <Text className={`ent-tag ${member.role === 'admin' ? 'ent-tag--warn' : ''}`}>{ROLE_LABEL[member.role]}</Text>
      </View>
      <Text className='ent-muted'>
        {departmentName}
        {member.title ? ` · ${member.title}` : ''}
        {member.employee_no ? ` · 工号 ${member.employee_no}` : ''}
        {member.scopes?.length ? ` · ${member.scopes.map((s) => SCOPE_LABEL[s] ?? s).join('、')}` : ''}
      </Text>
      {!open ? (
        <View className='ent-actions'>
          <Button size='small' fill='outline' role='button' data-testid={`${testId}-edit`} onClick={() => setOpen(true)}>
            调整
          </Button>
          <Button size='small' fill='outline' role='button' data-testid={`${testId}-card`} onClick={() => context.onOpenCard(member.user_id)}>
            编辑名片
          </Button>
        </View>
      ) : (
        <View>
          <ChoiceChips label='角色' testId={`${testId}-role`} value={role} onChange={(v) => setRole(v as MemberRole)} options={[{ value: 'member', label: '成员' }, { value: 'admin', label: '管理员' }]} />
          {canGrantScopes && role === 'member' && (
            <ChoiceChips label='管理权限（专业版）' testId={`${testId}-scopes`} value={scopes} onChange={toggleScope} options={SCOPES.map((s) => ({ value: s, label: SCOPE_LABEL[s] }))} />
          )}
          <View className='ent-actions'>
            <Button size='small' type='primary' role='button' loading={busy} disabled={busy} data-testid={`${testId}-save-role`} onClick={() => void run(() => service.setMemberRole(enterpriseId, member.user_id, role, role === 'member' ? scopes : []), `已更新 ${name} 的角色`)}>
              保存角色
            </Button>
          </View>
          <ChoiceChips
            label='所在部门'
            testId={`${testId}-department`}
            value={department}
            onChange={setDepartment}
            options={[{ value: '', label: '不分配' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          />
          <View className='ent-actions'>
            <Button size='small' type='primary' fill='outline' role='button' disabled={busy} data-testid={`${testId}-save-department`} onClick={() => void run(() => service.moveMember(enterpriseId, member.user_id, department || null), `已调整 ${name} 的部门`)}>
              保存部门
            </Button>
            <Button size='small' fill='outline' role='button' onClick={() => setOpen(false)}>
              收起
            </Button>
          </View>
          {error && (
            <Text className='field__error' role='alert' data-testid={`${testId}-error`}>
              {error}
            </Text>
          )}
          {!isSelf && (
            <ConfirmAction
              label='移出企业'
              message={`将 ${name} 移出企业后，TA 将立即看不到企业的任何内容。`}
              confirmLabel='确认移出'
              testId={`${testId}-remove`}
              onConfirm={() => service.removeMember(enterpriseId, member.user_id).then(() => onChanged(`已将 ${name} 移出企业`))}
            />
          )}
        </View>
      )}
    </View>
  );
}
