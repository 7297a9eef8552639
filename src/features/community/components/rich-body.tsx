import { Image, Text, View } from '@tarojs/components';
import { deltaToBlocks, type Delta } from '../lib/delta';
import './community.css';

/** A post body rendered from its Delta as text and images (never as HTML). */
export function RichBody({ body, testId = 'post-body' }: { body: Delta; testId?: string }) {
  const blocks = deltaToBlocks(body);
  return (
    <View className='community-body' data-testid={testId}>
      {blocks.map((b, i) =>
        b.kind === 'image' ? (
          <Image key={i} className='community-body__img' mode='widthFix' src={b.src} />
        ) : (
          <Text key={i} className='community-body__p'>
            {b.runs.map((r, j) => (
              <Text key={j} className={`${r.bold ? 'community-bold' : ''} ${r.italic ? 'community-italic' : ''}`}>
                {r.text}
              </Text>
            ))}
          </Text>
        ),
      )}
    </View>
  );
}
