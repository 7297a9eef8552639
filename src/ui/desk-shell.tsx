import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './desk-shell.css';

export interface DeskNavItem {
  value: string;
  label: string;
  /** a small count beside the label (pending requests) */
  badge?: number;
}

export interface DeskShellProps {
  title: string;
  subtitle?: string;
  /** the side navigation, in order; a group label starts a new block */
  groups: readonly { label?: string; items: readonly DeskNavItem[] }[];
  value: string;
  onChange(value: string): void;
  testId: string;
  /** under the title in the content area (status notices) */
  header?: ReactNode;
  children: ReactNode;
}

/**
 * The desk layout of the admin and ops consoles (H5 at ≥ 1024 px): a side navigation and a wide
 * content area. Phones and mini-programs never render it (see `useWideScreen`).
 */
export function DeskShell({ title, subtitle, groups, value, onChange, testId, header, children }: DeskShellProps) {
  return (
    <View className='desk' data-testid={testId}>
      <View className='desk__nav' role='navigation' aria-label={title}>
        <Text className='desk__brand'>{title}</Text>
        {subtitle && <Text className='desk__brand-sub'>{subtitle}</Text>}
        {groups.map((group, index) => (
          <View key={group.label ?? index} className='desk__group' role='list'>
            {group.label && <Text className='desk__group-label'>{group.label}</Text>}
            {group.items.map((item) => (
              <View
                key={item.value}
                role='link'
                aria-current={item.value === value ? 'page' : undefined}
                className={`desk__link ${item.value === value ? 'desk__link--on' : ''}`}
                data-testid={`${testId}-nav-${item.value}`}
                onClick={() => onChange(item.value)}
              >
                <Text>{item.label}</Text>
                {item.badge ? <Text className='desk__badge'>{item.badge}</Text> : null}
              </View>
            ))}
          </View>
        ))}
      </View>
      <View className='desk__main' role='main'>
        {header}
        {children}
      </View>
    </View>
  );
}
