import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useDocumentUpload } from '../../../lib/files/use-document-upload';
import { BusyButton } from '../../../ui/wide-button';
import { checkEvidenceFile, reportEvidenceService, type ReportEvidenceService } from '../services/report-evidence.service';
import './settings.css';
import { FormError } from '../../../ui/form-error';

export interface EvidenceUploadProps {
  reportId: string;
  uploadToken: string;
  service?: ReportEvidenceService;
}

const MAX_FILES = 5;

/** 上传证明材料 after a report was filed: up to 5 images or PDFs, into the report's private folder. */
export function EvidenceUpload({ reportId, uploadToken, service = reportEvidenceService }: EvidenceUploadProps) {
  const [uploaded, setUploaded] = useState<string[]>([]);
  const [error, setError] = useState('');
  const { uploading: busy, pick } = useDocumentUpload(setError);

  const handleChoose = () =>
    pick(service.chooseEvidenceFile, checkEvidenceFile, async (file) => {
      await service.uploadReportEvidence(reportId, uploadToken, file);
      setUploaded((list) => [...list, file.name]);
    });

  const full = uploaded.length >= MAX_FILES;
  return (
    <View className='field' data-testid='report-evidence-upload'>
      <Text className='field__label'>证明材料（可选）</Text>
      <Text className='settings-muted'>可上传身份证、手机号实名证明等，JPG、PNG 或 PDF，每个不超过 5 MB，最多 5 个。仅平台运营人员可以查看。</Text>
      {uploaded.map((name, i) => (
        <Text key={`${name}-${i}`} className='settings-note' data-testid='report-evidence-item'>
          已上传：{name}
        </Text>
      ))}
      <FormError message={error} testId='report-evidence-error' />
      <BusyButton type='primary' fill='outline' block busy={busy} disabled={busy || full} testId='report-evidence-choose' onClick={handleChoose}>
        {full ? '已达上传上限' : '上传证明材料'}
      </BusyButton>
    </View>
  );
}
