import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useDocumentUpload } from '../../../../lib/files/use-document-upload';
import { Button } from '../../../../ui/button';
import { useLoader } from '../../../../lib/hooks/use-loader';
import type { QualificationKind, QualificationStatus } from '../../services/enterprise.types';
import { checkFile, chooseQualificationFile, qualificationService, type ChosenFile, type QualificationService } from '../../services/qualification.service';
import { QUALIFICATION_LABEL } from '../labels';
import { LoadState } from '../../../../ui/load-state';
import { formatShanghai } from '../../../../lib/time';
import { FormError } from '../../../../ui/form-error';
import { StatusLine } from '../../../../ui/status-line';

export interface QualificationPanelProps {
  enterpriseId: string;
  status: QualificationStatus;
  service?: Pick<QualificationService, 'uploadQualificationFile' | 'submitQualification' | 'listQualificationDocuments'>;
  choose?: () => Promise<ChosenFile | null>;
  /** after a submission: the enterprise's status is now pending */
  onSubmitted?(): void;
}

const KINDS: { kind: QualificationKind; label: string }[] = [
  { kind: 'business_licence', label: '营业执照' },
  { kind: 'legal_rep_id', label: '法定代表人身份证明' },
];
const DOC_STATUS = { pending: '审核中', approved: '已通过', rejected: '未通过' } as const;

/** 企业认证: upload each document (image or PDF, progress shown), submit it for review, see the outcome. */
export function QualificationPanel({ enterpriseId, status, service = qualificationService, choose = chooseQualificationFile, onSubmitted }: QualificationPanelProps) {
  const docs = useLoader(() => service.listQualificationDocuments(enterpriseId), enterpriseId);
  const [target, setTarget] = useState<QualificationKind | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState('');
  const [result, setResult] = useState('');
  const docUpload = useDocumentUpload(setError);
  // the document being uploaded (its button spins, its progress shows, every button waits)
  const uploading = docUpload.uploading ? target : null;

  const upload = async (kind: QualificationKind, label: string) => {
    setResult('');
    setTarget(kind);
    setProgress(0);
    await docUpload.pick(choose, checkFile, async (file) => {
      const path = await service.uploadQualificationFile(enterpriseId, kind, file, setProgress);
      await service.submitQualification(enterpriseId, kind, path, file.name);
      setResult(`${label}已提交，等待平台审核`);
      docs.reload();
      onSubmitted?.();
    });
  };

  const latest = (kind: QualificationKind) => docs.data?.find((d) => d.kind === kind);

  return (
    <View data-testid='admin-qualification'>
      <View className='card'>
        <Text className='field__label'>认证状态</Text>
        <Text className='ent-title' data-testid='qualification-status'>
          {QUALIFICATION_LABEL[status] ?? status}
        </Text>
        <Text className='ent-muted'>请上传营业执照和法定代表人身份证明（JPG、PNG 或 PDF，不超过 10 MB），由平台审核。</Text>
      </View>
      <LoadState loading={docs.loading && !docs.data} error={docs.error} onRetry={docs.reload} testId='qualification-docs' />
      {KINDS.map(({ kind, label }) => {
        const doc = latest(kind);
        return (
          <View key={kind} className='ent-item' data-testid={`qualification-${kind}`}>
            <View className='ent-row'>
              <Text className='ent-title'>{label}</Text>
              <Text className={`ent-tag ${doc?.status === 'rejected' ? 'ent-tag--bad' : ''}`}>{doc ? DOC_STATUS[doc.status] : '未上传'}</Text>
            </View>
            {doc && (
              <Text className='ent-muted'>
                {doc.file_name} · {formatShanghai(doc.created_at, '—')}
                {doc.status === 'rejected' && doc.review_reason ? ` · 原因：${doc.review_reason}` : ''}
              </Text>
            )}
            {uploading === kind && (
              <View className='ent-progress' role='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} aria-label={`${label}上传进度`} data-testid={`qualification-${kind}-progress`}>
                <View className='ent-progress__bar' style={{ width: `${progress}%` }} />
              </View>
            )}
            <View className='ent-actions'>
              <Button size='small' type='primary' fill='outline' role='button' loading={uploading === kind} disabled={uploading !== null} data-testid={`qualification-${kind}-upload`} onClick={() => void upload(kind, label)}>
                {doc ? '重新上传' : '选择文件上传'}
              </Button>
            </View>
          </View>
        );
      })}
      <FormError message={error} testId='qualification-error' />
      <StatusLine message={result} className='ent-muted' testId='qualification-result' />
    </View>
  );
}
