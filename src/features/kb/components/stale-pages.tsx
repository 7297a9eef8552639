import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useLoader } from '../hooks/use-kb-loader';
import { nodeRoute } from '../routes';
import { kbService, type KbService } from '../services/kb.service';
import './kb.css';

/** 待复查 on the knowledge-base home: the member's own pages past their review date (nothing when none). */
export function StalePages({ enterpriseId, refreshKey = 0, service = kbService }: {
  enterpriseId: string;
  refreshKey?: number;
  service?: Pick<KbService, 'stalePages'>;
}) {
  const stale = useLoader(() => service.stalePages(enterpriseId), `${enterpriseId}|${refreshKey}`, !!enterpriseId);
  if (!stale.data?.length) return null;
  return (
    <View data-testid='kb-stale'>
      <Text className='kb-section-title'>待复查</Text>
      {stale.data.map((p) => (
        <View key={p.node_id} className='kb-item' role='link' data-testid='kb-stale-item' onClick={() => void Taro.navigateTo({ url: nodeRoute(p.kind, p.node_id) })}>
          <Text className='kb-item__title'>{p.title}</Text>
          <Text className='kb-muted'>{`复查日期 ${p.review_due}`}</Text>
        </View>
      ))}
    </View>
  );
}
