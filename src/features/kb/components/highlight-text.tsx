import { Text } from '@tarojs/components';
import { splitHighlights } from '../lib/highlight';

/** Text with the search hits emphasised (ranges from the server; rendered as spans, never HTML). */
export function HighlightText({ text, ranges, className }: { text: string; ranges: unknown; className?: string }) {
  return (
    <Text className={className}>
      {splitHighlights(text, ranges).map((s, i) => (s.hit ? <Text key={i} className='kb-hit'>{s.text}</Text> : <Text key={i}>{s.text}</Text>))}
    </Text>
  );
}
