import { View } from '@tarojs/components';
import { toggleProps } from '../../../ui/toggle';

export interface ChannelSwitchProps {
  checked: boolean;
  disabled?: boolean;
  label: string;
  testId: string;
  onChange(next: boolean): void;
}

/** An on/off switch that keeps its role, state and test id on every platform. */
export function ChannelSwitch({ checked, disabled = false, label, testId, onChange }: ChannelSwitchProps) {
  return (
    <View className={`switch${checked ? ' switch--on' : ''}${disabled ? ' switch--disabled' : ''}`} {...toggleProps('switch', { checked, disabled, label, testId, onChange })}>
      <View className='switch__knob' />
    </View>
  );
}
