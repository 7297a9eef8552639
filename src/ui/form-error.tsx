import { Text, View } from '@tarojs/components';

export interface FormErrorProps {
  /** nothing is rendered while empty */
  message: string;
  testId?: string;
  /** a Text inside a line instead of its own block */
  inline?: boolean;
}

/** A form's or panel's error line, announced to screen readers (role=alert). */
export function FormError({ message, testId, inline = false }: FormErrorProps) {
  if (!message) return null;
  const Tag = inline ? Text : View;
  return (
    <Tag className='form-error' role='alert' data-testid={testId}>
      {message}
    </Tag>
  );
}
