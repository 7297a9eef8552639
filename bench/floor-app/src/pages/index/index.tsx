import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
// The product's one Supabase client (supabase-js + the mini-program fetch/storage/socket adapters):
// what any Taro + supabase-js app needs at minimum on weapp.
import { supabase } from '@/lib/supabase/client';

export default function Index() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void supabase
      .from('agreement_documents')
      .select('id', { count: 'exact', head: true })
      .then(({ count: n }) => setCount(n ?? 0));
  }, []);
  return (
    <View>
      <Text>{count ?? '…'}</Text>
    </View>
  );
}
