import { View } from '@tarojs/components';

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
    <View
      className={`switch${checked ? ' switch--on' : ''}${disabled ? ' switch--disabled' : ''}`}
      role='switch'
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => !disabled && onChange(!checked)}
    >
      <View className='switch__knob' />
    </View>
  );
}
