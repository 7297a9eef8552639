import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LoadState } from '../../../features/enterprise/components/load-state';
import { useEnterprisePage } from '../../../features/enterprise/hooks/use-enterprise-page';
import { KbSearchBox } from '../../../features/kb/components/kb-search-box';
import { SearchResults } from '../../../features/kb/components/search-results';
import { useLoader } from '../../../features/kb/hooks/use-kb-loader';
import { kbService } from '../../../features/kb/services/kb.service';

/** Search over what the member may read in the current enterprise; one or two characters work. */
export default function KbSearchPage() {
  const ent = useEnterprisePage().enterprise?.id ?? '';
  const [query, setQuery] = useState(decodeURIComponent(useRouter().params?.q ?? ''));
  const hits = useLoader(() => kbService.search(ent, query), `${ent}|${query}`, !!ent && !!query);
  return (
    <View className='page' data-testid='kb-search'>
      <KbSearchBox initial={query} onSearch={setQuery} />
      {query ? <LoadState loading={hits.loading} error={hits.error} onRetry={hits.reload} isEmpty={!hits.data?.length} empty='没有找到相关内容' testId='kb-search-state' /> : null}
      <SearchResults hits={hits.data ?? []} />
    </View>
  );
}
