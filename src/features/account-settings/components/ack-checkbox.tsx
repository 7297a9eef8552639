import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './settings.css';

export interface AckCheckboxProps {
  checked: boolean;
  onChange(checked: boolean): void;
  testId: string;
  children: ReactNode;
}

/** A plain checkbox with a real checkbox role: the acknowledgement must be an explicit, visible tick. */
export function AckCheckbox({ checked, onChange, testId, children }: AckCheckboxProps) {
  return (
    <View className='settings-check' role='checkbox' aria-checked={checked} data-testid={testId} onClick={() => onChange(!checked)}>
      <Text className={`settings-check__box ${checked ? 'settings-check__box--on' : ''}`} aria-hidden>
        {checked ? '✓' : ''}
      </Text>
      <Text>{children}</Text>
    </View>
  );
}
