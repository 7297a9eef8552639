import { Text, View } from '@tarojs/components';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { Button } from '../../../../ui/button';
import { LoadState } from '../../../../ui/load-state';
import { managedPapers } from '../../services/training-manage.service';
import { COURSE_STATUS_LABELS } from './labels';
import '../training.css';

/** 培训管理 › 试卷: every paper of the enterprise with its status, pass score and time. */
export function PaperList({ enterpriseId, onOpen }: { enterpriseId: string; onOpen(paperId: string | null): void }) {
  const list = useLoader(() => managedPapers(enterpriseId), enterpriseId);
  return (
    <View data-testid='manage-papers'>
      <View className='tr-manage__bar'>
        <Button type='primary' size='small' data-testid='manage-paper-new' onClick={() => onOpen(null)}>
          新建试卷
        </Button>
      </View>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={list.data?.length === 0} empty='还没有试卷' testId='manage-papers' />
      <View className='tr-list'>
        {list.data?.map((p) => (
          <View key={p.id} className='tr-card' role='link' data-testid={`manage-paper-${p.id}`} onClick={() => onOpen(p.id)}>
            <Text className='tr-card__title'>{p.title}</Text>
            <Text className='tr-card__meta'>
              {COURSE_STATUS_LABELS[p.status]} · {p.mode === 'fixed' ? '固定试题' : '随机抽题'} · 及格 {p.pass_score}/{p.total_score} 分 · {p.duration_minutes} 分钟
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
