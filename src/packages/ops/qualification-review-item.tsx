import { Image, Text, View } from '@tarojs/components';
import { TextAreaField } from '../../ui/text-area-field';
import { useState } from 'react';
import { firstMessage, rejectReasonSchema } from '../../features/enterprise/schemas/enterprise.schema';
import type { QualificationService, ReviewItem } from '../../features/enterprise';
import { useAction } from '../../lib/hooks/use-action';
import { Button } from '../../ui/button';
import { formatShanghai } from '../../lib/time';

const KIND = { business_licence: '营业执照', legal_rep_id: '法定代表人身份证明' } as const;
const STATUS = { pending: '待审核', approved: '已通过', rejected: '已驳回' } as const;

export interface QualificationReviewItemProps {
  doc: ReviewItem;
  service: Pick<QualificationService, 'signedPreviewUrl' | 'reviewQualification'>;
  onReviewed(message: string): void;
}

/** One document: preview through a short-lived signed URL, approve, or reject with a reason. */
export function QualificationReviewItem({ doc, service, onReviewed }: QualificationReviewItemProps) {
  const [preview, setPreview] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error: reviewError, setError, run } = useAction();
  // opening the preview doesn't hold the review buttons
  const viewing = useAction();
  const error = reviewError || viewing.error;
  const testId = `qualification-review-${doc.id}`;
  const isPdf = /\.pdf$/i.test(doc.object_path);

  const open = () => viewing.run(async () => setPreview(await service.signedPreviewUrl(doc.object_path)));

  const review = async (approve: boolean) => {
    let why = '';
    if (!approve) {
      const parsed = rejectReasonSchema.safeParse(reason);
      if (!parsed.success) return setError(firstMessage(parsed.error));
      why = parsed.data;
    }
    return void run(async () => {
      await service.reviewQualification(doc.id, approve, why);
      onReviewed(`${doc.enterprise_name} 的${KIND[doc.kind]}${approve ? '已通过' : '已驳回'}`);
    });
  };

  return (
    <View className='settings-list-item' data-testid={testId}>
      <View className='settings-row'>
        <Text className='settings-doc__title'>
          {doc.enterprise_name} · {KIND[doc.kind] ?? doc.kind}
        </Text>
        <Text className={`settings-tag ${doc.status === 'pending' ? 'settings-tag--required' : ''}`}>{STATUS[doc.status]}</Text>
      </View>
      <Text className='settings-muted'>
        {doc.file_name || doc.object_path} · 提交于 {formatShanghai(doc.created_at, '—')}
        {doc.review_reason ? ` · 原因：${doc.review_reason}` : ''}
      </Text>
      {!preview ? (
        <Button size='small' fill='outline' role='button' data-testid={`${testId}-preview`} onClick={() => void open()}>
          预览文件
        </Button>
      ) : isPdf ? (
        <Text className='settings-link' data-testid={`${testId}-link`} onClick={() => typeof window !== 'undefined' && window.open(preview, '_blank')}>
          打开 PDF（链接 10 分钟内有效）
        </Text>
      ) : (
        <Image src={preview} mode='aspectFit' style={{ width: '100%', height: '240px', marginTop: '8px', background: '#f7f8fa' }} aria-label={`${KIND[doc.kind]}预览`} data-testid={`${testId}-image`} />
      )}
      {doc.status === 'pending' && (
        <View>
          <TextAreaField label='驳回理由（驳回时必填，会通知企业管理员）' ariaLabel='驳回理由' className='settings-textarea' maxLength={500} value={reason} onChange={setReason} testId={`${testId}-reason`} />
          <View className='ent-actions'>
            <Button size='small' type='primary' role='button' loading={busy} disabled={busy} data-testid={`${testId}-approve`} onClick={() => void review(true)}>
              通过
            </Button>
            <Button size='small' type='danger' fill='outline' role='button' disabled={busy} data-testid={`${testId}-reject`} onClick={() => void review(false)}>
              驳回
            </Button>
          </View>
        </View>
      )}
      {error && (
        <Text className='field__error' role='alert' data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
