import { Text, View } from '@tarojs/components';
import { Input } from '../../../ui/input';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  placeholder?: string;
  error?: string;
  type?: 'text' | 'number' | 'tel' | 'digit';
  maxLength?: number;
}

/** A labelled NutUI input with its error under it. */
export function TextField({ label, value, onChange, testId, placeholder, error, type = 'text', maxLength = 80 }: TextFieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className={`field__control ${error ? 'field__control--invalid' : ''}`}>
        <Input
          type={type}
          placeholder={placeholder ?? `请输入${label}`}
          maxLength={maxLength}
          value={value}
          onChange={(v: string) => onChange(v)}
          aria-label={label}
          aria-invalid={Boolean(error)}
          data-testid={testId}
        />
      </View>
      {error && (
        <Text className='field__error' role='alert' data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
