import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { nodeRoute } from '../routes';
import type { KbNode } from '../services/kb.types';
import './kb.css';

const KIND_ICON: Record<string, string> = { space: '📚', folder: '📁', page: '📄', file: '📎' };
const SPACE_LABEL: Record<string, string> = { enterprise: '企业空间', team: '团队空间', private: '个人空间' };

/** Spaces, folders, pages and files as tappable rows. */
export function NodeList({ nodes, testId = 'kb-nodes' }: { nodes: KbNode[]; testId?: string }) {
  return (
    <View data-testid={testId}>
      {nodes.map((n) => (
        <View key={n.id} className='kb-item' role='link' data-testid='kb-node' onClick={() => void Taro.navigateTo({ url: nodeRoute(n.kind, n.id) })}>
          <Text className='kb-item__title'>{`${KIND_ICON[n.kind] ?? ''} ${n.title}`}</Text>
          {n.kind === 'space' && n.space_kind ? <Text className='kb-muted'>{SPACE_LABEL[n.space_kind]}{n.description ? ` · ${n.description}` : ''}</Text> : null}
        </View>
      ))}
    </View>
  );
}
