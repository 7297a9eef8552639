import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { nodeRoute } from '../routes';
import type { KbSearchHit } from '../services/kb.types';
import { HighlightText } from './highlight-text';

/** Hits with the matched text emphasised in the title and the snippet. */
export function SearchResults({ hits }: { hits: KbSearchHit[] }) {
  return (
    <View data-testid='kb-search-results'>
      {hits.map((h) => (
        <View key={h.node_id} className='kb-item' role='link' data-testid='kb-search-hit' onClick={() => void Taro.navigateTo({ url: nodeRoute(h.kind, h.node_id) })}>
          <HighlightText className='kb-item__title' text={h.title} ranges={h.title_highlights} />
          {h.snippet ? <HighlightText className='kb-item__snippet' text={h.snippet} ranges={h.highlights} /> : null}
          <Text className='kb-muted'>{h.updated_at.slice(0, 10)} 更新</Text>
        </View>
      ))}
    </View>
  );
}
