import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { useLoader } from '../hooks/use-kb-loader';
import { BLANK_TEMPLATE, BUILT_IN_TEMPLATES } from '../lib/templates';
import { kbService, type KbService } from '../services/kb.service';
import type { KbTemplate } from '../services/kb.types';

export interface TemplatePickerProps {
  enterpriseId: string;
  value: KbTemplate;
  onChange(template: KbTemplate): void;
  service?: Pick<KbService, 'templates' | 'deleteTemplate'>;
}

/** 新建页面's starting point: 空白页, the built-in templates, then the enterprise's own (deletable by their author or a manager). */
export function TemplatePicker({ enterpriseId, value, onChange, service = kbService }: TemplatePickerProps) {
  const own = useLoader(() => service.templates(enterpriseId), enterpriseId, !!enterpriseId);
  const all = [BLANK_TEMPLATE, ...BUILT_IN_TEMPLATES, ...(own.data ?? [])];
  const remove = async (t: KbTemplate) => {
    try {
      await service.deleteTemplate(t.id);
      onChange(BLANK_TEMPLATE);
      own.reload();
      void Taro.showToast({ title: '模板已删除', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  const ownSelected = (own.data ?? []).some((t) => t.id === value.id);
  return (
    <View data-testid='kb-templates'>
      <ChoiceChips label='页面模板' options={all.map((t) => ({ value: t.id, label: t.title }))} value={value.id} testId='kb-template'
        onChange={(id) => onChange(all.find((t) => t.id === id) ?? BLANK_TEMPLATE)} />
      {own.error ? <Text className='kb-muted'>企业模板暂时无法加载</Text> : null}
      {ownSelected ? (
        <Button size='small' fill='none' data-testid='kb-template-delete' onClick={() => void remove(value)}>删除此模板</Button>
      ) : null}
    </View>
  );
}
