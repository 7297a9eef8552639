import { Text, View } from '@tarojs/components';
import { useState } from 'react';
// Direct modules, not the feature index: the ops subpackage needs only the review pieces.
import { ChoiceChips } from '../../ui/choice-chips';
import { LoadState } from '../../ui/load-state';
import { useLoader } from '../../lib/hooks/use-loader';
import { qualificationService, type QualificationService } from '../../features/enterprise/services/qualification.service';
import { QualificationReviewItem } from './qualification-review-item';

export interface QualificationReviewProps {
  service?: Pick<QualificationService, 'listDocumentsForReview' | 'signedPreviewUrl' | 'reviewQualification'>;
}

/** 企业资质审核 (platform operators): pending documents first; RLS shows them only to operators. */
export function QualificationReview({ service = qualificationService }: QualificationReviewProps) {
  const [filter, setFilter] = useState<'pending' | 'all'>('pending');
  const docs = useLoader(() => service.listDocumentsForReview(filter), filter);
  const [result, setResult] = useState('');

  return (
    <View data-testid='ops-qualifications'>
      <ChoiceChips label='显示' testId='ops-qualifications-filter' value={filter} onChange={(v) => setFilter(v as 'pending' | 'all')} options={[{ value: 'pending', label: '待审核' }, { value: 'all', label: '全部' }]} />
      {result && (
        <Text className='settings-muted' role='status' data-testid='ops-qualifications-result'>
          {result}
        </Text>
      )}
      <LoadState
        loading={docs.loading && !docs.data}
        error={docs.error}
        onRetry={docs.reload}
        isEmpty={docs.data?.length === 0}
        empty={filter === 'pending' ? '没有待审核的资质材料' : '还没有资质材料'}
        testId='ops-qualifications'
      />
      {docs.data?.map((doc) => (
        <QualificationReviewItem
          key={`${doc.id}-${doc.status}`}
          doc={doc}
          service={service}
          onReviewed={(message) => {
            setResult(message);
            docs.reload();
          }}
        />
      ))}
    </View>
  );
}
