import { Text, View } from '@tarojs/components';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { saveCsv } from '../../../../platform/save-csv';
import { Button } from '../../../../ui/button';
import { FormError } from '../../../../ui/form-error';
import { LoadState } from '../../../../ui/load-state';
import { StatusLine } from '../../../../ui/status-line';
import { useAction } from '../../hooks/use-action';
import { courseCsv, courseReport, paperReport } from '../../services/training-manage.service';
import { shanghaiDate } from './labels';
import '../training.css';

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

/** One exam's score distribution (tenths of the total) and its questions, hardest first. */
function PaperReportView({ paperId, title }: { paperId: string; title: string }) {
  const report = useLoader(() => paperReport(paperId), paperId);
  const r = report.data;
  const widest = Math.max(1, ...(r?.distribution ?? []).map((d) => d.count));
  return (
    <View className='tr-card' data-testid={`report-paper-${paperId}`}>
      <Text className='tr-card__title'>{title}</Text>
      <LoadState loading={report.loading} error={report.error} onRetry={report.reload} testId={`report-paper-${paperId}`} />
      {r && (
        <>
          <Text className='tr-card__meta'>
            {r.learners} 人参加 · {r.attempts} 次作答 · {r.passed} 人通过（{percent(r.passed, r.learners)}）
          </Text>
          <Text className='tr-manage__section'>成绩分布</Text>
          {r.distribution.map((d) => (
            <View key={d.from_percent} className='tr-manage__row' aria-label={`${d.from_percent}%到${d.to_percent}%：${d.count}人次`}>
              <Text className='tr-card__meta'>{d.from_percent}-{d.to_percent}%</Text>
              <View style={{ flex: 1, margin: '0 8px' }}>
                <View className='tr-bar' style={{ width: `${(d.count / widest) * 100}%` }} />
              </View>
              <Text className='tr-card__meta'>{d.count}</Text>
            </View>
          ))}
          <Text className='tr-manage__section'>题目难度（正确率低的在前）</Text>
          {r.questions.map((q) => (
            <Text key={q.question_id} className='tr-card__meta' data-testid={`report-question-${q.question_id}`}>
              {q.correct_rate === null ? '—' : `${Math.round(q.correct_rate * 100)}%`} · {q.stem}（{q.answered} 人次作答）
            </Text>
          ))}
        </>
      )}
    </View>
  );
}

/** 学习报表 of a course: completion overall and by department, overdue learners, exams; CSV export. */
export function CourseReportView({ courseId, title }: { courseId: string; title: string }) {
  const report = useLoader(() => courseReport(courseId), courseId);
  const exporting = useAction();
  const exportCsv = () =>
    exporting.run(async () => {
      const how = await saveCsv(`${title || '课程'}-学习报表.csv`, await courseCsv(courseId));
      return how;
    }, '报表已导出');
  const r = report.data;
  return (
    <View data-testid='course-report'>
      <LoadState loading={report.loading} error={report.error} onRetry={report.reload} testId='course-report' />
      {r && (
        <>
          <View className='tr-card'>
            <Text className='tr-card__title' data-testid='report-completion'>
              已完成 {r.completed}/{r.assigned} 人（{percent(r.completed, r.assigned)}）
            </Text>
            <Button size='small' loading={exporting.busy} disabled={exporting.busy} data-testid='report-export' onClick={() => void exportCsv()}>
              导出 CSV
            </Button>
            <FormError message={exporting.error} testId='report-export-error' />
            <StatusLine message={exporting.status} className='tr-card__meta' testId='report-export-status' />
          </View>
          <Text className='tr-manage__section'>按部门</Text>
          {r.by_department.length === 0 && <Text className='tr-card__meta'>还没有指派给任何人</Text>}
          {r.by_department.map((d) => (
            <Text key={d.department_id ?? 'none'} className='tr-card__meta' data-testid={`report-department-${d.department_id ?? 'none'}`}>
              {d.department} · 完成 {d.completed}/{d.assigned}（{percent(d.completed, d.assigned)}）
            </Text>
          ))}
          <Text className='tr-manage__section'>逾期未完成（{r.overdue.length} 人）</Text>
          {r.overdue.map((o) => (
            <Text key={o.user_id} className='tr-card__meta' data-testid={`report-overdue-${o.user_id}`}>
              {o.name} · {shanghaiDate(o.due_at)} 截止
            </Text>
          ))}
          <Text className='tr-manage__section'>考试</Text>
          {r.scores.length === 0 && <Text className='tr-card__meta'>本课程没有考试</Text>}
          {r.scores.map((p) => (
            <PaperReportView key={p.paper_id} paperId={p.paper_id} title={`${p.title} · 平均 ${p.average ?? '—'} 分`} />
          ))}
        </>
      )}
    </View>
  );
}
