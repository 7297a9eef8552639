import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { ChoiceChips } from '../../../ui/choice-chips';
import { kbService, type KbService } from '../services/kb.service';
import './kb.css';

const OPTIONS = [{ value: 'off', label: '关闭' }, { value: 'on', label: '开启' }] as const;

/** A space's protection: the watermark (viewer's name, phone tail, time) over its pages and previews. */
export function SpaceProtection({ spaceId, watermark, service = kbService }: { spaceId: string; watermark: boolean; service?: Pick<KbService, 'setWatermark'> }) {
  const [on, setOn] = useState(watermark);
  const [error, setError] = useState('');
  const change = async (value: string) => {
    const next = value === 'on';
    setError('');
    try {
      await service.setWatermark(spaceId, next);
      setOn(next);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <View data-testid='kb-protection'>
      <Text className='kb-section-title'>内容保护</Text>
      <ChoiceChips label='页面水印（姓名、手机尾号、时间）' options={OPTIONS} value={on ? 'on' : 'off'} testId='kb-watermark-switch' onChange={(v) => void change(v)} />
      {error ? <Text role='alert'>{error}</Text> : null}
    </View>
  );
}
