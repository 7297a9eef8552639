import { Text, View } from '@tarojs/components';
import './choice-chips.css';

export interface ChoiceChipsProps {
  label: string;
  options: readonly { value: string; label: string }[];
  /** one value (radio group) or several (checkbox group) */
  value: string | readonly string[];
  onChange(value: string): void;
  testId: string;
  /** 'danger' marks the chosen chip in the warning colour (operator consoles) */
  tone?: 'primary' | 'danger';
}

/**
 * Visible choices — a radio group for one value, a checkbox group for several: people should see
 * every option rather than hunt in a picker.
 */
export function ChoiceChips({ label, options, value, onChange, testId, tone = 'primary' }: ChoiceChipsProps) {
  const multi = Array.isArray(value);
  const on = (v: string) => (multi ? (value as readonly string[]).includes(v) : value === v);
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='zx-chips' role={multi ? 'group' : 'radiogroup'} aria-label={label} data-testid={testId}>
        {options.map((option) => (
          <View
            key={option.value}
            className={`zx-chip zx-chip--${tone} ${on(option.value) ? 'zx-chip--on' : ''}`}
            role={multi ? 'checkbox' : 'radio'}
            aria-checked={on(option.value)}
            data-testid={`${testId}-${option.value}`}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </View>
        ))}
      </View>
    </View>
  );
}
