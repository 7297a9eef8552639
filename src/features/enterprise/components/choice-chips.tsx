import { Text, View } from '@tarojs/components';
import './enterprise.css';

export interface ChoiceChipsProps {
  label: string;
  options: readonly { value: string; label: string }[];
  /** one value (radio group) or several (checkbox group) */
  value: string | readonly string[];
  onChange(value: string): void;
  testId: string;
}

/** Visible choices: a radio group for one value, a checkbox group for several. */
export function ChoiceChips({ label, options, value, onChange, testId }: ChoiceChipsProps) {
  const multi = Array.isArray(value);
  const on = (v: string) => (multi ? (value as readonly string[]).includes(v) : value === v);
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='ent-chips' role={multi ? 'group' : 'radiogroup'} aria-label={label} data-testid={testId}>
        {options.map((option) => (
          <View
            key={option.value}
            className={`ent-chip ${on(option.value) ? 'ent-chip--on' : ''}`}
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
