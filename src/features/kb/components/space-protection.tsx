import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { ChoiceChips } from '../../../ui/choice-chips';
import { kbGovernanceService, type KbGovernanceService } from '../services/kb-governance.service';
import { kbService, type KbService } from '../services/kb.service';
import './kb.css';

const OPTIONS = [{ value: 'off', label: '关闭' }, { value: 'on', label: '开启' }] as const;

/** One on/off setting of a space: switched on the server first, shown as switched only when it took. */
function SpaceSwitch({ label, testId, initial, save }: { label: string; testId: string; initial: boolean; save(on: boolean): Promise<unknown> }) {
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
  /** approval before publishing; undefined: not known yet, the switch is not shown */
  approval?: boolean;
  service?: Pick<KbService, 'setWatermark'>;
  governance?: Pick<KbGovernanceService, 'setSpaceApproval'>;
}

/**
 * A space's protection: the watermark (viewer's name, phone tail, time) over its pages and previews,
 * and approval before publishing (an editor's save waits for a manager).
 */
export function SpaceProtection({ spaceId, watermark, approval, service = kbService, governance = kbGovernanceService }: SpaceProtectionProps) {
  return (
    <View data-testid='kb-protection'>
      <Text className='kb-section-title'>内容保护</Text>
      <SpaceSwitch label='页面水印（姓名、手机尾号、时间）' testId='kb-watermark-switch' initial={watermark} save={(on) => service.setWatermark(spaceId, on)} />
      {approval === undefined ? null : (
        <SpaceSwitch label='发布前审核（编辑者的修改经管理者通过后才发布）' testId='kb-approval-switch' initial={approval}
          save={(on) => governance.setSpaceApproval(spaceId, on)} />
      )}
    </View>
  );
}
