import { Picker, Text, View } from '@tarojs/components';
import { TextAreaField } from '../../../ui/text-area-field';
import './identity.css';
import { useEffect, useState } from 'react';
import { useDocumentUpload } from '../../../lib/files/use-document-upload';
import { BusyButton } from '../../../ui/wide-button';
import { identityService, type IdentityService } from '../services/identity.service';
import type { BirthDateCorrection } from '../services/identity.types';
import { checkBirthEvidenceFile, type BirthEvidenceFile } from '../services/birth-date-evidence.service';
import { EARLIEST, formatChinese, localToday, PICKER_START_VALUE } from './birth-date-step';
import { FormError } from '../../../ui/form-error';
import { useAction } from '../../../lib/hooks/use-action';

const STATUS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

/** Optional evidence upload: how a file is chosen (platform-specific) and where it goes. */
export interface BirthEvidencePicker {
  choose(): Promise<BirthEvidenceFile | null>;
  /** resolves with the object path the request then names */
  upload(file: BirthEvidenceFile): Promise<string>;
}

export interface BirthDateCorrectionFormProps {
  service?: Pick<IdentityService, 'requestBirthDateCorrection' | 'myBirthDateCorrections'>;
  today?: string;
  /** shown expanded (account settings) instead of behind a link (onboarding) */
  startOpen?: boolean;
  /** when given, the member may attach one file that only platform operators can open */
  evidence?: BirthEvidencePicker;
}

/**
 * The birth date is set once; a wrong one is corrected through a request that a platform operator
 * reviews (the date decides who needs a guardian, so nobody may simply choose it again).
 */
export function BirthDateCorrectionForm({ service = identityService, today = localToday(), startOpen = false, evidence }: BirthDateCorrectionFormProps) {
  const [open, setOpen] = useState(startOpen);
  const [requests, setRequests] = useState<BirthDateCorrection[]>([]);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const [file, setFile] = useState<{ name: string; path: string } | null>(null);
  const { uploading, pick } = useDocumentUpload(setError);

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    service.myBirthDateCorrections().then((list) => live && setRequests(list), () => undefined);
    return () => {
      live = false;
    };
  }, [open, service]);

  const pending = requests.find((r) => r.status === 'pending');
  const ready = date !== '' && reason.trim().length >= 5 && !busy && !uploading;

  const attach = async () => {
    if (!evidence) return;
    await pick(() => evidence.choose(), checkBirthEvidenceFile, async (chosen) => setFile({ name: chosen.name, path: await evidence.upload(chosen) }));
  };

  const submit = async () => {
    if (!ready) return;
    await run(async () => {
      const created = await service.requestBirthDateCorrection(date, reason.trim(), file?.path);
      setRequests((list) => [created, ...list]);
      setDate('');
      setReason('');
      setFile(null);
    });
  };

  if (!open) {
    return (
      <Text className='onboarding-page__leave' role='button' onClick={() => setOpen(true)} data-testid='birth-correction-open'>
        出生日期填错了？申请更正
      </Text>
    );
  }

  return (
    <View className='card onboarding-step' data-testid='birth-correction'>
      <Text className='onboarding-step__title'>申请更正出生日期</Text>
      <Text className='onboarding-step__why'>出生日期提交后不能自行修改。请填写正确的日期并说明原因，平台审核后会通知你结果。</Text>
      {requests.map((r) => (
        <Text key={r.id} className='onboarding-step__why' data-testid={`birth-correction-${r.status}`}>
          申请改为 {formatChinese(r.claimed_birth_date)} · {STATUS[r.status]}
          {r.evidence_path ? ' · 已附证明材料' : ''}
          {r.decision_reason ? ` · 审核说明：${r.decision_reason}` : ''}
        </Text>
      ))}
      {!pending && (
        <>
          <View className='field'>
            <Text className='field__label'>正确的出生日期</Text>
            <Picker mode='date' value={date || PICKER_START_VALUE} start={EARLIEST} end={today} onChange={(e) => setDate(String(e.detail.value))}>
              <View className='field__control onboarding-picker' role='button' aria-label='选择正确的出生日期' data-testid='birth-correction-picker'>
                <Text className={date ? '' : 'onboarding-picker__placeholder'}>{date ? formatChinese(date) : '请选择出生日期'}</Text>
              </View>
            </Picker>
          </View>
          <TextAreaField label='更正原因（5–500 字）' ariaLabel='更正原因' className='field__textarea' maxLength={500} placeholder='例如：注册时年份选错了' value={reason} onChange={setReason} testId='birth-correction-reason' />
          {evidence && (
            <View className='field' data-testid='birth-correction-evidence'>
              <Text className='field__label'>证明材料（可选）</Text>
              <Text className='onboarding-step__why'>身份证、户口簿或出生证明，JPG、PNG 或 PDF，不超过 5 MB。仅平台审核人员可以查看。</Text>
              {file && (
                <Text className='onboarding-step__why' data-testid='birth-correction-evidence-name'>
                  已上传：{file.name}
                </Text>
              )}
              <BusyButton fill='outline' block busy={uploading} disabled={uploading || busy} onClick={attach} testId='birth-correction-evidence-choose'>
                {file ? '重新上传' : '上传证明材料'}
              </BusyButton>
            </View>
          )}
          <FormError message={error} testId='birth-correction-error' />
          <BusyButton type='primary' block busy={busy} disabled={!ready} onClick={submit} testId='birth-correction-submit'>
            提交更正申请
          </BusyButton>
        </>
      )}
    </View>
  );
}
