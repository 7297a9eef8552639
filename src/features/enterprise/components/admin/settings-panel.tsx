import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AppError } from '../../../../lib/errors/app-error';
import { useAction } from '../../../../lib/hooks/use-action';
import { Button } from '../../../../ui/button';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { MAX_ALLOWLIST, parseAllowlist } from '../../schemas/enterprise.schema';
import { adminService, type AdminService } from '../../services/admin.service';
import type { DirectoryField, DirectoryScope, EnterpriseSettings, JoinRule } from '../../services/enterprise.types';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { JOIN_RULE_LABEL } from '../labels';
import { LoadState } from '../../../../ui/load-state';
import { FormError } from '../../../../ui/form-error';
import { StatusLine } from '../../../../ui/status-line';
import { ContentRuleSection } from './content-rule-section';

export interface SettingsPanelProps {
  enterpriseId: string;
  service?: Pick<AdminService, 'getSettings' | 'updateSettings' | 'listAllowlist' | 'setPhoneAllowlist'>;
}

const FIELDS: { value: DirectoryField; label: string }[] = [
  { value: 'phone', label: '手机号' },
  { value: 'email', label: '邮箱' },
  { value: 'title', label: '职位' },
  { value: 'employee_no', label: '工号' },
];

/** 企业设置: join rule, allow-list, members inviting, directory visibility, former members' content (LX 2.1.2). */
export function SettingsPanel({ enterpriseId, service = adminService }: SettingsPanelProps) {
  const loaded = useLoader(async () => ({ settings: await service.getSettings(enterpriseId), allowlist: await service.listAllowlist(enterpriseId) }), enterpriseId);
  const [form, setForm] = useState<EnterpriseSettings | null>(null);
  const [phones, setPhones] = useState('');
  const action = useAction();
  // which of the two saves is running (both buttons wait meanwhile)
  const [saving, setSaving] = useState<'settings' | 'allowlist'>('settings');
  const [result, setResult] = useState('');

  useEffect(() => {
    if (!loaded.data) return;
    setForm(loaded.data.settings);
    setPhones(loaded.data.allowlist.map((p) => p.replace(/^86/, '')).join('\n'));
  }, [loaded.data]);

  if (!form) {
    return <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} isEmpty={Boolean(loaded.data)} empty='找不到该企业' testId='settings' />;
  }

  const patch = (p: Partial<EnterpriseSettings>) => setForm({ ...form, ...p });
  const toggleHidden = (f: string) =>
    patch({ directory_hidden_fields: form.directory_hidden_fields.includes(f as DirectoryField) ? form.directory_hidden_fields.filter((x) => x !== f) : [...form.directory_hidden_fields, f as DirectoryField] });

  const run = (kind: 'settings' | 'allowlist', work: () => Promise<string>) => {
    setSaving(kind);
    setResult('');
    return action.run(async () => setResult(await work()));
  };

  const saveSettings = () =>
    run('settings', async () => {
      const { join_rule, members_can_invite, directory_scope, directory_hidden_fields } = form;
      await service.updateSettings(enterpriseId, { join_rule, members_can_invite, directory_scope, directory_hidden_fields });
      return '设置已保存';
    });

  const saveAllowlist = () =>
    run('allowlist', async () => {
      const { phones: list, invalid } = parseAllowlist(phones);
      if (invalid.length) throw new AppError('allowlist_invalid', `以下号码无效：${invalid.slice(0, 5).join('、')}`);
      if (list.length > MAX_ALLOWLIST) throw new AppError('allowlist_too_long', `白名单最多 ${MAX_ALLOWLIST} 个手机号`);
      const count = await service.setPhoneAllowlist(enterpriseId, list);
      return `白名单已保存，共 ${count} 个手机号`;
    });

  return (
    <View data-testid='admin-settings'>
      <View className='card'>
        <ChoiceChips
          label='加入方式'
          testId='settings-join-rule'
          value={form.join_rule}
          onChange={(v) => patch({ join_rule: v as JoinRule })}
          options={(Object.keys(JOIN_RULE_LABEL) as JoinRule[]).map((r) => ({ value: r, label: JOIN_RULE_LABEL[r] }))}
        />
        <ChoiceChips
          label='普通成员邀请同事'
          testId='settings-members-invite'
          value={form.members_can_invite ? 'yes' : 'no'}
          onChange={(v) => patch({ members_can_invite: v === 'yes' })}
          options={[{ value: 'no', label: '仅管理员可邀请' }, { value: 'yes', label: '成员也可邀请' }]}
        />
        <ChoiceChips
          label='通讯录可见范围（管理员始终可见全部）'
          testId='settings-directory-scope'
          value={form.directory_scope}
          onChange={(v) => patch({ directory_scope: v as DirectoryScope })}
          options={[{ value: 'all', label: '全企业' }, { value: 'department', label: '仅本部门' }]}
        />
        <ChoiceChips label='对成员隐藏的字段' testId='settings-hidden' value={form.directory_hidden_fields} onChange={toggleHidden} options={FIELDS} />
        <Button type='primary' block role='button' loading={action.busy && saving === 'settings'} disabled={action.busy} data-testid='settings-save' onClick={() => void saveSettings()}>
          保存设置
        </Button>
      </View>
      <View className='card'>
        <Text className='field__label'>手机号白名单（每行一个；加入方式为白名单时，名单内的手机号无需审批）</Text>
        <Textarea className='ent-textarea' maxlength={-1} value={phones} onInput={(e) => setPhones(e.detail.value)} aria-label='手机号白名单' data-testid='settings-allowlist' />
        <Button type='primary' fill='outline' block role='button' loading={action.busy && saving === 'allowlist'} disabled={action.busy} data-testid='settings-allowlist-save' onClick={() => void saveAllowlist()} style={{ marginTop: '8px' }}>
          保存白名单
        </Button>
      </View>
      <FormError message={action.error} testId='settings-error' />
      <StatusLine message={result} className='ent-muted' testId='settings-result' />
      <ContentRuleSection enterpriseId={enterpriseId} />
    </View>
  );
}
