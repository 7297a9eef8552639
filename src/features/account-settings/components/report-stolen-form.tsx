import { Text, View } from '@tarojs/components';
import { TextAreaField } from '../../../ui/text-area-field';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { TextField } from '../../../ui/text-field';
import { phoneSchema } from '../../auth';
import { accountSettingsService, type AccountSettingsService } from '../services/account-settings.service';
import type { ReportEvidenceService } from '../services/report-evidence.service';
import { EvidenceUpload } from './evidence-upload';
import './settings.css';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface ReportStolenFormProps {
  service?: Pick<AccountSettingsService, 'reportStolenAccount'>;
  evidenceService?: ReportEvidenceService;
}

/** 账号被盗/被冒用申诉 (LX 3.2.4): works signed out, since the victim may have lost access. */
export function ReportStolenForm({ service = accountSettingsService, evidenceService }: ReportStolenFormProps) {
  const [phone, setPhone] = useState('');
  const [realName, setRealName] = useState('');
  const [evidence, setEvidence] = useState('');
  const [contact, setContact] = useState('');
  const { busy: submitting, error, setError, run } = useAction();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [uploadToken, setUploadToken] = useState<string | null>(null);

  const handleSubmit = async () => {
    const parsed = phoneSchema.safeParse(phone);
    if (!parsed.success) {
      setError('请填写被盗用账号的中国大陆手机号');
      return;
    }
    await run(async () => {
      const report = await service.reportStolenAccount({ phone: parsed.data, realName, evidence, contact });
      // The one-time evidence upload token (docs/api.md); absent from the generated return type.
      const token = (report as { upload_token?: unknown }).upload_token;
      setUploadToken(typeof token === 'string' ? token : null);
      setCaseId(report.id);
    });
  };

  if (caseId) {
    return (
      <View className='card' data-testid='report-done' role='status'>
        <Text className='page-title'>申诉已提交</Text>
        <Text className='settings-note'>申诉编号（请保存，联系客服时提供）：</Text>
        <Text className='settings-doc__title' data-testid='report-case-id' selectable>
          {caseId}
        </Text>
        <Text className='settings-note'>接下来：平台运营人员会核实你提供的身份证明和情况说明，处理结果会以短信通知你留下的手机号。</Text>
        <Text className='settings-note'>仅凭申诉不会冻结任何账号，是否冻结由运营人员核实后决定。</Text>
        {uploadToken && <EvidenceUpload reportId={caseId} uploadToken={uploadToken} service={evidenceService} />}
        <Text className='settings-note'>核实属实的，我们会冻结该账号（暂停使用并让所有设备退出登录），防止继续被盗用，再协助你找回；未能核实的，会告诉你原因。</Text>
      </View>
    );
  }

  return (
    <View className='card' data-testid='report-form'>
      <Text className='settings-note'>如果你的账号被他人盗用或冒用，请填写以下信息。无需登录。</Text>
      <TextField label='被盗账号的手机号' prefix='+86' type='number' maxLength={11} placeholder='请输入手机号' value={phone} onChange={setPhone} testId='report-phone' />
      <TextField label='真实姓名' placeholder='账号所有人的真实姓名' maxLength={null} value={realName} onChange={setRealName} testId='report-name' />
      <TextAreaField
        label='情况说明与身份证明'
        className='settings-textarea'
        maxLength={2000}
        placeholder='请说明发现被盗的经过，以及能证明你是账号所有人的信息（10–2000 字）'
        value={evidence}
        onChange={setEvidence}
        testId='report-evidence'
      />
      <TextField label='联系手机号' placeholder='另一个可以收短信的手机号' maxLength={null} value={contact} onChange={setContact} testId='report-contact'>
        <Text className='settings-muted'>处理结果会以短信发送到这个号码（已登录时也会在站内通知你）。</Text>
      </TextField>
      <FormError message={error} testId='report-error' />
      <WideButton busy={submitting} testId='report-submit' onClick={handleSubmit}>
        提交申诉
      </WideButton>
    </View>
  );
}
