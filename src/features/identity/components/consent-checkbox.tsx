import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { toggleProps } from '../../../ui/toggle';
import './consent-checkbox.css';

export interface ConsentCheckboxProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
  label: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * A consent tick box. Own component (not NutUI's Checkbox) so it carries role/aria-checked and a
 * test id on the element people tap; consent boxes are always controlled and start unticked.
 */
export function ConsentCheckbox({ checked, onChange, children, label, disabled = false, 'data-testid': testId }: ConsentCheckboxProps) {
  return (
    <View className={`consent-box ${checked ? 'consent-box--checked' : ''} ${disabled ? 'consent-box--disabled' : ''}`} {...toggleProps('checkbox', { checked, disabled, label, testId, onChange })}>
      <Text className='consent-box__mark' aria-hidden>
        {checked ? '✓' : ''}
      </Text>
      <View className='consent-box__label'>{children}</View>
    </View>
  );
}
