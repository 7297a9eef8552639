import { Text, View } from '@tarojs/components';
import type { MyEnterprise } from '../services/enterprise.types';
import '../../../ui/link-cell.css';
import './enterprise.css';
import { StatusLine } from '../../../ui/status-line';

export interface CurrentEnterpriseCardProps {
  current: MyEnterprise | null;
  count: number;
  loading: boolean;
  error: string;
  onOpen(): void;
}

// Not labels.ts: this card is in the main package, kept small.
const STATUS_LABEL: Record<string, string> = { suspended: '已暂停', closed: '已注销' };

/** Home: the current enterprise and the way to switch, create or join. Small: main package. */
export function CurrentEnterpriseCard({ current, count, loading, error, onOpen }: CurrentEnterpriseCardProps) {
  let title: string;
  let hint: string;
  // Suspended or closed: said on the card itself, with the platform's reason (LX 3.2.5).
  const inactive = current && current.status && current.status !== 'normal' ? current : null;
  const statusLine = inactive
    ? `${STATUS_LABEL[inactive.status] ?? inactive.status}${inactive.status_reason ? `：${inactive.status_reason}` : ''}`
    : '';
  if (error) {
    title = '企业信息加载失败';
    hint = '点击重试或查看我的企业';
  } else if (loading && !current) {
    title = '加载中…';
    hint = '';
  } else if (current) {
    title = current.name;
    hint = count > 1 ? `你加入了 ${count} 个企业，点击切换` : '点击查看我的企业';
  } else {
    title = count > 0 ? '未选择企业' : '尚未加入企业';
    hint = count > 0 ? '点击选择当前企业' : '创建企业，或输入邀请码加入';
  }
  return (
    <View className='link-cell' role='link' aria-label={`当前企业：${title}`} data-testid='home-enterprise' onClick={onOpen}>
      <View className='link-cell__body'>
        <Text className='link-cell__description'>当前企业</Text>
        <Text className='link-cell__title' data-testid='home-enterprise-name'>
          {title}
        </Text>
        <StatusLine message={statusLine} className={`ent-tag ${inactive?.status === 'closed' ? 'ent-tag--bad' : 'ent-tag--warn'}`} testId='home-enterprise-status' />
        {hint && <Text className='link-cell__description'>{hint}</Text>}
      </View>
      <Text className='link-cell__extra'>切换</Text>
      <Text className='link-cell__chevron' aria-hidden>
        ›
      </Text>
    </View>
  );
}
