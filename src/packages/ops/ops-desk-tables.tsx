import type { BirthDateCorrectionForReview } from '../../features/identity';
import type { ReviewItem } from '../../features/enterprise';
import {
  accountReportsList,
  cancellationRequestsList,
  CANCELLATION_STATUS,
  opsService,
  REPORT_STATUS,
  type AccountReport,
  type CancellationRequest,
} from '../../features/ops';
import { maskPhone } from '../../lib/phone';
import { formatShanghai } from '../../lib/time';
import { DeskDecisionTable } from '../../ui/desk-decision-table';
import type { DeskColumn } from '../../ui/desk-table';
import { birthDateCorrectionsList } from './birth-date-corrections/corrections-list';
import { qualificationReviewList } from './qualification-review';

const REVIEW_STATUS: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };
const KIND: Record<string, string> = { business_licence: '营业执照', legal_rep_id: '法定代表人身份证明' };
const when = (iso: string | null) => (iso ? formatShanghai(iso).slice(0, 16) : '—');

const QUALIFICATION_COLUMNS: DeskColumn<ReviewItem>[] = [
  { label: '企业', width: '1.4fr', render: (d) => d.enterprise_name },
  { label: '材料', width: '1.2fr', render: (d) => KIND[d.kind] ?? d.kind },
  { label: '文件', width: '1.4fr', render: (d) => d.file_name },
  { label: '状态', width: '0.7fr', render: (d) => REVIEW_STATUS[d.status] ?? d.status },
  { label: '提交时间', width: '1fr', render: (d) => when(d.created_at) },
];

const CORRECTION_COLUMNS: DeskColumn<BirthDateCorrectionForReview>[] = [
  { label: '用户', width: '1fr', render: (c) => c.display_name || '未命名用户' },
  { label: '手机号', width: '1fr', render: (c) => c.phone_masked },
  { label: '现出生日期', width: '1fr', render: (c) => c.current_birth_date },
  { label: '申请改为', width: '1fr', render: (c) => c.claimed_birth_date },
  { label: '状态', width: '0.7fr', render: (c) => REVIEW_STATUS[c.status] ?? c.status },
  { label: '申请时间', width: '1fr', render: (c) => when(c.created_at) },
];

const REPORT_COLUMNS: DeskColumn<AccountReport>[] = [
  { label: '申诉人', width: '1fr', render: (r) => r.real_name },
  { label: '被盗手机号', width: '1fr', render: (r) => maskPhone(r.reported_phone) },
  { label: '对应账号', width: '0.8fr', render: (r) => (r.target_user_id ? '有' : '无') },
  { label: '状态', width: '0.7fr', render: (r) => REPORT_STATUS[r.status] ?? r.status },
  { label: '提交时间', width: '1fr', render: (r) => when(r.created_at) },
];

const CANCELLATION_COLUMNS: DeskColumn<CancellationRequest>[] = [
  { label: '企业', width: '1.4fr', render: (r) => r.enterprises?.name ?? r.enterprise_id },
  { label: '注销原因', width: '2fr', render: (r) => (r.reason.length > 24 ? `${r.reason.slice(0, 24)}…` : r.reason) },
  { label: '证明材料', width: '0.7fr', render: (r) => `${r.document_paths.length} 份` },
  { label: '状态', width: '0.7fr', render: (r) => CANCELLATION_STATUS[r.status] ?? r.status },
  { label: '申请时间', width: '1fr', render: (r) => when(r.created_at) },
];

/** 被盗申诉 at desk width: a row opens the report, its resolution and the link to 查找与处置账号. */
export function ReportsTable({ onActOnAccount }: { onActOnAccount(userId: string): void }) {
  return <DeskDecisionTable {...accountReportsList(opsService, onActOnAccount)} label='账号被盗申诉' columns={REPORT_COLUMNS} />;
}

/** 企业注销申请 at desk width: a row opens the request and its approve/reject. */
export function CancellationsTable() {
  return <DeskDecisionTable {...cancellationRequestsList(opsService)} label='企业注销申请' columns={CANCELLATION_COLUMNS} />;
}

/** 企业资质审核 at desk width: the review list as a table; a row opens the document and its decision. */
export function QualificationTable() {
  return <DeskDecisionTable {...qualificationReviewList()} label='企业资质材料' columns={QUALIFICATION_COLUMNS} />;
}

/** 出生日期更正 at desk width. */
export function CorrectionsTable() {
  return <DeskDecisionTable {...birthDateCorrectionsList()} label='出生日期更正申请' columns={CORRECTION_COLUMNS} />;
}
