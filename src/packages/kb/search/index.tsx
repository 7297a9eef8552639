import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LoadState } from '../../../ui/load-state';
import { KbSearchBox, SearchResults, kbService, useKbEnterprise, useLoader } from '../../../features/kb';

/** Search over what the member may read in the current enterprise; one or two characters work. */
export default function KbSearchPage() {
  const ent = useKbEnterprise().enterprise?.id ?? '';
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
