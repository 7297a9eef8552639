import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { fieldErrors, memberCardSchema, type MemberCardForm as Form } from '../schemas/enterprise.schema';
import { directoryService, type DirectoryService } from '../services/directory.service';
import type { MemberCard } from '../services/enterprise.types';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';
import { TextField } from '../../../ui/text-field';
import { WideButton } from '../../../ui/wide-button';
import './enterprise.css';

export interface MemberCardFormProps {
  enterpriseId: string;
  userId: string;
  /** the card is the caller's own (else an admin edits a member's) */
  own: boolean;
  /** admins set employee numbers, their own included */
  canSetEmployeeNo: boolean;
  service?: Pick<DirectoryService, 'memberCard' | 'updateMemberProfile'>;
}

type FieldErrors = Partial<Record<keyof Form, string>>;
const fromCard = (c: MemberCard): Form => ({ displayName: c.display_name, title: c.title, email: c.email, employeeNo: c.employee_no });
const SERVER_FIELD = { displayName: 'display_name', title: 'title', email: 'email', employeeNo: 'employee_no' } as const;

/**
 * A member's card: how colleagues see them in this enterprise's directory. Members edit their own
 * (我的名片), admins anyone's and the employee number too. Sends only what changed.
 */
export function MemberCardForm({ enterpriseId, userId, own, canSetEmployeeNo, service = directoryService }: MemberCardFormProps) {
  const card = useLoader(() => service.memberCard(enterpriseId, userId, own), `${enterpriseId}:${userId}`, Boolean(enterpriseId && userId));
  const [form, setForm] = useState<Form>({ displayName: '', title: '', email: '', employeeNo: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ kind: 'saved' | 'unchanged' | 'failed'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (card.data) setForm(fromCard(card.data));
  }, [card.data]);

  if (!card.data) {
    return <LoadState loading={card.loading} error={card.error} onRetry={card.reload} testId='member-card' />;
  }
  const saved = card.data;

  const edit = (key: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setStatus(null);
  };

  const save = async () => {
    const parsed = memberCardSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(fieldErrors<keyof Form>(parsed.error));
      return;
    }
    const fields: Record<string, string> = {};
    for (const key of Object.keys(SERVER_FIELD) as Array<keyof Form>) {
      if (key === 'employeeNo' && !canSetEmployeeNo) continue;
      if (parsed.data[key] !== saved[SERVER_FIELD[key]]) fields[SERVER_FIELD[key]] = parsed.data[key];
    }
    if (Object.keys(fields).length === 0) {
      setStatus({ kind: 'unchanged', text: '没有需要保存的修改' });
      return;
    }
    setSaving(true);
    try {
      await service.updateMemberProfile(enterpriseId, userId, fields);
      setStatus({ kind: 'saved', text: own ? '已保存，同事在通讯录中会看到新的资料' : '已保存，成员的通讯录资料已更新' });
      card.reload();
    } catch (failure) {
      setStatus({ kind: 'failed', text: messageOf(failure) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='card' data-testid='member-card'>
      {/* An admin editing someone else's card must see whose it is before changing anything. */}
      {!own && (
        <Text className='member-card__whose' role='heading' data-testid='member-card-whose'>
          正在编辑：{saved.display_name || '未填写姓名'} 的名片
        </Text>
      )}
      <TextField label='姓名' value={form.displayName} onChange={edit('displayName')} testId='member-card-name' maxLength={40} error={errors.displayName} />
      <TextField label='职位' value={form.title} onChange={edit('title')} testId='member-card-title' placeholder='如：产品经理（可不填）' maxLength={40} error={errors.title} />
      <TextField label='邮箱' value={form.email} onChange={edit('email')} testId='member-card-email' placeholder='工作邮箱（可不填）' maxLength={120} error={errors.email} />
      {canSetEmployeeNo ? (
        <TextField label='工号' value={form.employeeNo} onChange={edit('employeeNo')} testId='member-card-employee-no' placeholder='如：XH-007（可不填）' maxLength={32} error={errors.employeeNo} />
      ) : (
        <Text className='ent-muted' data-testid='member-card-employee-no'>
          工号：{saved.employee_no || '未设置'}（由企业管理员设置）
        </Text>
      )}
      {status && (
        <View className={status.kind === 'failed' ? 'form-error' : 'ent-muted'} role={status.kind === 'failed' ? 'alert' : 'status'} data-testid='member-card-status'>
          {status.text}
        </View>
      )}
      <WideButton busy={saving} testId='member-card-save' onClick={() => void save()} style={{ marginTop: '16px' }}>
        保存
      </WideButton>
    </View>
  );
}
