import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { createEnterpriseSchema, fieldErrors, firstMessage, SIZE_BANDS, type CreateEnterpriseForm } from '../schemas/enterprise.schema';
import { enterpriseService, type EnterpriseService } from '../services/enterprise.service';
import { ChoiceChips } from '../../../ui/choice-chips';
import { TextField } from '../../../ui/text-field';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface CreateEnterpriseFormProps {
  /** the new enterprise's id; it is already the current enterprise */
  onCreated(enterpriseId: string): void;
  service?: Pick<EnterpriseService, 'createEnterprise'>;
}

const EMPTY: CreateEnterpriseForm = { name: '', industry: '', sizeBand: '1-49', contactName: '', contactPhone: '' };
type Field = keyof CreateEnterpriseForm;

/** 创建企业: the creator becomes its administrator; the edition starts as 基础版. */
export function CreateEnterpriseForm({ onCreated, service = enterpriseService }: CreateEnterpriseFormProps) {
  const [form, setForm] = useState<CreateEnterpriseForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { busy: saving, error, setError, run } = useAction();

  const set = (field: Field) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const parsed = createEnterpriseSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(fieldErrors<Field>(parsed.error));
      setError(firstMessage(parsed.error));
      return;
    }
    await run(async () => {
      const id = await service.createEnterprise(parsed.data);
      onCreated(id);
    });
  };

  return (
    <View className='card' data-testid='create-enterprise-form'>
      <TextField label='企业名称' value={form.name} onChange={set('name')} testId='enterprise-name' error={errors.name} maxLength={70} />
      <TextField label='所属行业' value={form.industry} onChange={set('industry')} testId='enterprise-industry' error={errors.industry} placeholder='如：互联网、教育、制造' />
      <ChoiceChips label='企业规模' testId='enterprise-size' options={SIZE_BANDS} value={form.sizeBand} onChange={set('sizeBand')} />
      <TextField label='联系人姓名' value={form.contactName} onChange={set('contactName')} testId='enterprise-contact-name' error={errors.contactName} />
      <TextField
        label='联系人手机号'
        type='tel'
        value={form.contactPhone}
        onChange={set('contactPhone')}
        testId='enterprise-contact-phone'
        error={errors.contactPhone}
        maxLength={20}
      />
      <Text className='ent-muted'>创建后你将成为企业管理员，可邀请同事加入；企业初始为基础版。</Text>
      <FormError message={error} testId='create-enterprise-error' />
      <WideButton
        busy={saving}
        testId='create-enterprise-submit'
        onClick={submit}
        style={{ marginTop: '16px' }}
      >
        创建企业
      </WideButton>
    </View>
  );
}
