import { Text, View } from '@tarojs/components';
import './ops.css';

export interface OptionChipsProps {
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange(value: string): void;
  testId: string;
}

/** A visible single choice (radio group): operators should see every option, not hunt in a picker. */
export function OptionChips({ label, options, value, onChange, testId }: OptionChipsProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='ops-chips' role='radiogroup' aria-label={label} data-testid={testId}>
        {options.map((option) => (
          <View
            key={option.value}
            className={`ops-chip ${option.value === value ? 'ops-chip--on' : ''}`}
            role='radio'
            aria-checked={option.value === value}
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
