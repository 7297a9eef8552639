import { View } from '@tarojs/components';
import { Button } from './button';
import { Input } from './input';

export interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  /** the trimmed text, on the button or the keyboard's search key */
  onSearch(query: string): void;
  placeholder: string;
  ariaLabel: string;
  /** the input; the button is `${testId}-submit` */
  testId: string;
  className?: string;
}

/** A search input with its 搜索 button: searches on submit, not on every keystroke. */
export function SearchBox({ value, onChange, onSearch, placeholder, ariaLabel, testId, className = '' }: SearchBoxProps) {
  return (
    <View className={`field__control ${className}`}>
      <Input type='text' placeholder={placeholder} value={value} onChange={(v: string) => onChange(v)} onConfirm={() => onSearch(value.trim())} aria-label={ariaLabel} data-testid={testId} />
      <Button className='field__action' size='small' type='primary' role='button' data-testid={`${testId}-submit`} onClick={() => onSearch(value.trim())}>
        搜索
      </Button>
    </View>
  );
}
