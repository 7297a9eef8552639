import { Text, View } from '@tarojs/components';
import type { ConsentHistoryItem } from '../services/account-settings.types';
import { CHANNEL_LABELS, RELATIONSHIP_LABELS } from './format';
import './settings.css';
import { formatShanghai } from '../../../lib/time';

/** Every consent of the user, newest first, as my_consent_history returns it. */
export function ConsentHistory({ items }: { items: ConsentHistoryItem[] }) {
  if (items.length === 0) {
    return (
      <View className='card'>
        <Text className='settings-note' data-testid='consent-history-empty'>
          暂无同意记录
        </Text>
      </View>
    );
  }
  return (
    <View className='card' data-testid='consent-history'>
      {items.map((item) => {
        const who =
          item.consented_by === 'guardian'
            ? `监护人${item.guardian_name ? ` ${item.guardian_name}` : ''}${item.guardian_relationship ? `（${RELATIONSHIP_LABELS[item.guardian_relationship] ?? item.guardian_relationship}）` : ''}代为同意`
            : '本人同意';
        return (
          <View key={item.id} className='settings-list-item' data-testid='consent-history-item'>
            <View className='settings-row'>
              <Text className='settings-doc__title'>{item.title}</Text>
              <Text className={`settings-tag ${item.withdrawn_at ? 'settings-tag--required' : ''}`}>{item.withdrawn_at ? '已撤回' : '有效'}</Text>
            </View>
            <Text className='settings-muted'>
              第 {item.version} 版 · {formatShanghai(item.consented_at)} · {CHANNEL_LABELS[item.channel] ?? item.channel} · {who}
            </Text>
            {item.withdrawn_at && (
              <Text className='settings-muted'>
                {formatShanghai(item.withdrawn_at)} 撤回{item.withdrawn_channel ? `（${CHANNEL_LABELS[item.withdrawn_channel] ?? item.withdrawn_channel}）` : ''}
              </Text>
            )}
          </View>
        );
      })}
    </View>
  );
}
