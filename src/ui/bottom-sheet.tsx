import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './bottom-sheet.css';

export interface BottomSheetProps {
  /** the heading, also the dialog's accessible name */
  title: string;
  testId: string;
  /** the body: give its text block `className='bottom-sheet__text'`, then the actions */
  children: ReactNode;
}

/** A modal sheet at the bottom of the screen over a dimmed page (privacy prompt, exit dialog). */
export function BottomSheet({ title, testId, children }: BottomSheetProps) {
  return (
    <View className='bottom-sheet__mask'>
      <View className='bottom-sheet' role='dialog' aria-modal aria-label={title} data-testid={testId}>
        <Text className='bottom-sheet__title'>{title}</Text>
        {children}
      </View>
    </View>
  );
}
