import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useAction } from '../../../../lib/hooks/use-action';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { routeUrl } from '../../../../lib/routes';
import { Button } from '../../../../ui/button';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { FormError } from '../../../../ui/form-error';
import { StatusLine } from '../../../../ui/status-line';
import { memberContentService, type ContentRule, type MemberContentService } from '../../services/member-content.service';

const ENDED = { left: '主动退出', removed: '被移除', cancelled: '注销账号' } as const;

/**
 * 成员离开后的内容 (LX 2.1.2): keep a leaving member's pages and posts under 「前成员」 (their name
 * stays visible to admins only) or hand them to a chosen admin / content manager; who left. Also the
 * way to the knowledge base's storage usage.
 */
export function ContentRuleSection({ enterpriseId, service = memberContentService }: { enterpriseId: string; service?: MemberContentService }) {
  const loaded = useLoader(() => service.memberContentRule(enterpriseId), enterpriseId);
  const [rule, setRule] = useState<ContentRule>('keep');
  const [target, setTarget] = useState('');
  const [saved, setSaved] = useState('');
  const action = useAction();
  useEffect(() => {
    if (!loaded.data) return;
    setRule(loaded.data.rule);
    setTarget(loaded.data.transfer_to ?? '');
  }, [loaded.data]);
  const save = () => {
    setSaved('');
    if (rule === 'transfer' && !target) {
      action.setError('请选择接收内容的管理者');
      return;
    }
    void action.run(() => service.setMemberContentRule(enterpriseId, rule, rule === 'transfer' ? target : null)).then((ok) => ok && setSaved('已保存'));
  };
  const data = loaded.data;
  return (
    <View className='card' data-testid='settings-content-rule'>
      <ChoiceChips label='成员退出或被移除后，其知识库页面和社区帖子' testId='settings-content-rule-choice' value={rule} onChange={(v) => setRule(v as ContentRule)}
        options={[{ value: 'keep', label: '保留，作者显示为「前成员」' }, { value: 'transfer', label: '转交给指定管理者' }]} />
      {rule === 'transfer' && data ? (
        <ChoiceChips label='接收内容的管理者' testId='settings-content-rule-target' value={target} onChange={(v) => setTarget(v as string)}
          options={data.managers.map((m) => ({ value: m.user_id, label: m.name }))} />
      ) : null}
      <Button type='primary' fill='outline' block loading={action.busy} disabled={action.busy || !data} data-testid='settings-content-rule-save' onClick={save}>保存</Button>
      <FormError message={action.error || loaded.error} testId='settings-content-rule-error' />
      <StatusLine message={saved} className='ent-muted' testId='settings-content-rule-result' />
      {data?.former_members.length ? (
        <View data-testid='settings-former-members'>
          <Text className='field__label'>前成员（仅管理员可见姓名）</Text>
          {data.former_members.map((f) => (
            <Text key={f.user_id} className='ent-muted'>{`${f.name || '未填写姓名'} · ${ENDED[f.ended]} · ${f.left_at.slice(0, 10)} · ${f.rule_applied === 'keep' ? '内容保留' : '内容已转交'}`}</Text>
          ))}
        </View>
      ) : null}
      <Button fill='none' block data-testid='settings-kb-storage' onClick={() => void Taro.navigateTo({ url: routeUrl('kbStorage', { id: enterpriseId }) })}>
        知识库存储用量
      </Button>
    </View>
  );
}
