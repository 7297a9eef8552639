// Direct modules, not the feature index: the ops subpackage needs only the review pieces.
import { byIdAndStatus, DecisionList, openOrAll, type DecisionListProps } from '../../ui/decision-list';
import { qualificationService, type QualificationService, type ReviewItem } from '../../features/enterprise/services/qualification.service';
import { QualificationReviewItem } from './qualification-review-item';

type Service = Pick<QualificationService, 'listDocumentsForReview' | 'signedPreviewUrl' | 'reviewQualification'>;

/** What the review list loads and shows (the phone list and the desk table share it). */
export function qualificationReviewList(service: Service = qualificationService): DecisionListProps<'pending' | 'all', ReviewItem> {
  return {
    testId: 'ops-qualifications',
    resultClassName: 'settings-muted',
    ...openOrAll('pending', '待审核', '没有待审核的资质材料', '还没有资质材料'),
    load: (filter) => service.listDocumentsForReview(filter),
    itemKey: byIdAndStatus,
    renderItem: (doc, onDone) => <QualificationReviewItem doc={doc} service={service} onReviewed={onDone} />,
  };
}

export interface QualificationReviewProps {
  service?: Service;
}

/** 企业资质审核 (platform operators): pending documents first; RLS shows them only to operators. */
export function QualificationReview({ service = qualificationService }: QualificationReviewProps) {
  return <DecisionList {...qualificationReviewList(service)} />;
}
