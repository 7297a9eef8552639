import { Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface TextAreaFieldProps {
  /** the visible label (weapp drops aria-label: the label and placeholder are what people see there) */
  label: string;
  /** the screen reader name, when shorter than the label */
  ariaLabel?: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  /** the feature's textarea style (`settings-textarea`, `field__textarea`…) */
  className: string;
  /** -1: no limit */
  maxLength: number;
  placeholder?: string;
  /** notes or the field's own buttons, under it */
  children?: ReactNode;
}

/** A labelled multi-line field: TextField's counterpart for reasons, explanations and notes. */
export function TextAreaField({ label, ariaLabel = label, value, onChange, testId, className, maxLength, placeholder, children }: TextAreaFieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Textarea className={className} maxlength={maxLength} placeholder={placeholder} value={value} onInput={(e) => onChange(e.detail.value)} aria-label={ariaLabel} data-testid={testId} />
      {children}
    </View>
  );
}
