import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Input } from './input';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  placeholder?: string;
  /** shown under the input (test id `errorTestId`, by default `${testId}-error`); marks the control invalid */
  error?: string;
  errorTestId?: string;
  type?: 'text' | 'number' | 'tel' | 'digit' | 'password';
  /** null: no limit (the schema behind the form decides) */
  maxLength?: number | null;
  /** when the screen reader name differs from the visible label (two phone fields on one page) */
  ariaLabel?: string;
  /** fixed text before the input, e.g. `+86` */
  prefix?: string;
  /** a button inside the control, after the input (send code, save) */
  action?: ReactNode;
  /** notes and hints under the field */
  children?: ReactNode;
}

/** A labelled NutUI input with its error under it: the one markup every form's text field uses. */
export function TextField(props: TextFieldProps) {
  const { label, value, onChange, testId, placeholder, error, type = 'text', maxLength = 80, ariaLabel, prefix, action, children, errorTestId = `${testId}-error` } = props;
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className={`field__control ${error ? 'field__control--invalid' : ''}`}>
        {prefix && <Text className='field__prefix'>{prefix}</Text>}
        <Input
          type={type}
          placeholder={placeholder ?? `请输入${label}`}
          maxLength={maxLength ?? undefined}
          value={value}
          onChange={(v: string) => onChange(v)}
          aria-label={ariaLabel ?? label}
          aria-invalid={Boolean(error)}
          data-testid={testId}
        />
        {action}
      </View>
      {error && (
        <Text className='field__error' role='alert' data-testid={errorTestId}>
          {error}
        </Text>
      )}
      {children}
    </View>
  );
}
