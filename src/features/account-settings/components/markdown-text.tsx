import { Text, View } from '@tarojs/components';
import './markdown-text.css';

// A deliberately tiny Markdown subset (headings, paragraphs, list items, **bold**): agreement texts
// use nothing else, and rendering through components (not innerHTML) keeps it safe on every platform.

type Span = { text: string; bold: boolean };

function spans(line: string): Span[] {
  return line
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('**') && part.endsWith('**') && part.length > 4 ? { text: part.slice(2, -2), bold: true } : { text: part, bold: false }));
}

function Inline({ line }: { line: string }) {
  return (
    <>
      {spans(line).map((span, i) =>
        span.bold ? (
          <Text key={i} className='md__key' aria-label={`重点条款：${span.text}`}>
            {span.text}
          </Text>
        ) : (
          <Text key={i}>{span.text}</Text>
        ),
      )}
    </>
  );
}

export function MarkdownText({ source, testId }: { source: string; testId?: string }) {
  const blocks = source.split(/\n\s*\n/).flatMap((block) => block.split('\n').filter((l) => l.trim() !== ''));
  return (
    <View className='md' data-testid={testId}>
      {blocks.map((raw, i) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
        if (heading) {
          return (
            <View key={i} className={`md__h md__h${heading[1].length}`} role='heading' aria-level={heading[1].length}>
              <Inline line={heading[2]} />
            </View>
          );
        }
        const item = /^\s*(?:[-*]|\d+[.、])\s+(.*)$/.exec(raw);
        return (
          <View key={i} className={item ? 'md__li' : 'md__p'}>
            {item && <Text aria-hidden>• </Text>}
            <Inline line={item ? item[1] : raw} />
          </View>
        );
      })}
    </View>
  );
}
