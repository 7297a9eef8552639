import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';

/** The search field: 1–100 characters, one or two characters are fine. */
export function KbSearchBox({ initial = '', onSearch }: { initial?: string; onSearch(q: string): void }) {
  const [typed, setTyped] = useState(initial);
  const submit = () => {
    const q = typed.trim();
    if (q) onSearch(q);
  };
  return (
    <View className='field__control kb-toolbar'>
      <Input type='text' placeholder='搜索知识库' value={typed} onChange={(v: string) => setTyped(v)} onConfirm={submit} aria-label='搜索知识库' data-testid='kb-search-input' />
      <Button size='small' type='primary' role='button' data-testid='kb-search-submit' onClick={submit}>
        搜索
      </Button>
    </View>
  );
}
