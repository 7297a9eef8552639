import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { parseMarkdown, type Inline } from '../services/markdown';
import './markdown-view.css';

function Spans({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) =>
        inline.strong ? (
          // Key clauses (liability, termination, jurisdiction) must stand out (LX preamble).
          <Text key={index} className='md__strong' data-testid='md-strong'>
            {inline.text}
          </Text>
        ) : (
          <Text key={index}>{inline.text}</Text>
        ),
      )}
    </>
  );
}

/** Renders an agreement body (Markdown subset, see services/markdown.ts). */
export function MarkdownView({ source, testId }: { source: string; testId?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <View className='md' data-testid={testId}>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return (
              <View key={index} className={`md__h md__h${block.level}`} role='heading' aria-level={block.level}>
                <Spans inlines={block.inlines} />
              </View>
            );
          case 'item':
            return (
              <View key={index} className='md__item' role='listitem'>
                <Text className='md__bullet' aria-hidden>
                  •
                </Text>
                <View className='md__item-body'>
                  <Spans inlines={block.inlines} />
                </View>
              </View>
            );
          case 'row':
            return (
              <View key={index} className={`md__row ${block.header ? 'md__row--header' : ''}`}>
                {block.cells.map((cell, cellIndex) => (
                  <View key={cellIndex} className='md__cell'>
                    <Spans inlines={cell} />
                  </View>
                ))}
              </View>
            );
          default:
            return (
              <View key={index} className='md__p'>
                <Spans inlines={block.inlines} />
              </View>
            );
        }
      })}
    </View>
  );
}
