import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { ChoiceChips } from '../../../ui/choice-chips';
import { kbService, type KbService } from '../services/kb.service';
import './kb.css';

const OPTIONS = [{ value: 'off', label: '关闭' }, { value: 'on', label: '开启' }] as const;

/** One on/off setting of a space: saved on each change; a refusal is shown and the switch stays. */
function FlagSwitch({ label, initial, testId, save }: { label: string; initial: boolean; testId: string; save(on: boolean): Promise<unknown> }) {
  const [on, setOn] = useState(initial);
  const [error, setError] = useState('');
  const change = async (value: string) => {
    const next = value === 'on';
    setError('');
    try {
      await save(next);
      setOn(next);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <View>
      <ChoiceChips label={label} options={OPTIONS} value={on ? 'on' : 'off'} testId={testId} onChange={(v) => void change(v)} />
      {error ? <Text role='alert'>{error}</Text> : null}
    </View>
  );
}

export interface SpaceProtectionProps {
  spaceId: string;
  watermark: boolean;
  copyProtect?: boolean;
  /** approval before publishing and how to switch it (kb/governance); undefined: the switch is not shown */
  approval?: { on: boolean; save(on: boolean): Promise<unknown> };
  service?: Pick<KbService, 'setWatermark' | 'setCopyProtect'>;
}

/**
 * A space's protection: the watermark (viewer's name, phone tail, time) and copy restriction over its
 * pages, and approval before publishing (an editor's save waits for a manager).
 */
export function SpaceProtection({ spaceId, watermark, copyProtect = false, approval, service = kbService }: SpaceProtectionProps) {
  return (
    <View data-testid='kb-protection'>
      <Text className='kb-section-title'>内容保护</Text>
      <FlagSwitch label='页面水印（姓名、手机尾号、时间）' initial={watermark} testId='kb-watermark-switch' save={(on) => service.setWatermark(spaceId, on)} />
      <FlagSwitch label='防复制（页面文字不能选中和复制）' initial={copyProtect} testId='kb-copy-protect-switch' save={(on) => service.setCopyProtect(spaceId, on)} />
      {approval === undefined ? null : (
        <FlagSwitch label='发布前审核（编辑者的修改经管理者通过后才发布）' testId='kb-approval-switch' initial={approval.on} save={approval.save} />
      )}
    </View>
  );
}
