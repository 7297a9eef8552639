import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LoadState } from '../../../ui/load-state';
import { KbSearchBox, SearchResults, kbService, useKbEnterprise, useLoader } from '../../../features/kb';

// weapp hands over the query string as sent (encoded); H5 may already have decoded it ('100%').
function decodeParam(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Search over what the member may read in the current enterprise; one or two characters work. */
export default function KbSearchPage() {
  const ent = useKbEnterprise().enterprise?.id ?? '';
  const initial = useRouter().params?.q ?? '';
  const [query, setQuery] = useState(() => decodeParam(initial));
  const hits = useLoader(() => kbService.search(ent, query), `${ent}|${query}`, !!ent && !!query);
  return (
    <View className='page' data-testid='kb-search'>
      <KbSearchBox initial={query} onSearch={setQuery} />
      {query ? <LoadState loading={hits.loading} error={hits.error} onRetry={hits.reload} isEmpty={!hits.data?.length} empty='没有找到相关内容' testId='kb-search-state' /> : null}
      <SearchResults hits={hits.data ?? []} />
    </View>
  );
}
