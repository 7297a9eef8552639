import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatShanghai } from '../../../lib/time';
import './kb.css';

/**
 * The space's watermark: the viewer's name, phone tail and the time the page was opened, repeated
 * over the whole screen. `pointer-events: none` lets every tap through (works on weapp, qywx and
 * H5; a document in WeChat's own viewer can't be overlaid, see MODULE-NOTES).
 */
export function Watermark({ mark, now = () => new Date().toISOString() }: { mark: string; now?: () => string }) {
  const [text] = useState(() => `${mark} ${formatShanghai(now())}`);
  return (
    <View className='kb-watermark' aria-hidden data-testid='kb-watermark'>
      {Array.from({ length: 24 }, (_, i) => <Text key={i} className='kb-watermark__item'>{text}</Text>)}
    </View>
  );
}
