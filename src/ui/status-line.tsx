import { Text } from '@tarojs/components';

export interface StatusLineProps {
  /** nothing is rendered while empty */
  message: string;
  /** the feature's note style (e.g. `ent-muted`, `settings-note`) */
  className: string;
  testId?: string;
}

/** The outcome of the last action, announced politely to screen readers (role=status). */
export function StatusLine({ message, className, testId }: StatusLineProps) {
  if (!message) return null;
  return (
    <Text className={className} role='status' data-testid={testId}>
      {message}
    </Text>
  );
}
