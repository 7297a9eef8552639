import { View } from '@tarojs/components';

export type LoginMode = 'sms' | 'password';

const TABS: Array<{ mode: LoginMode; label: string; testId: string }> = [
  { mode: 'sms', label: '验证码登录', testId: 'login-tab-sms' },
  { mode: 'password', label: '密码登录', testId: 'login-tab-password' },
];

export function LoginTabs({ mode, onChange }: { mode: LoginMode; onChange(mode: LoginMode): void }) {
  return (
    <View className='login-tabs' role='tablist'>
      {TABS.map((tab) => (
        <View
          key={tab.mode}
          role='tab'
          aria-selected={mode === tab.mode}
          data-testid={tab.testId}
          className={`login-tabs__tab ${mode === tab.mode ? 'login-tabs__tab--active' : ''}`}
          onClick={() => onChange(tab.mode)}
        >
          {tab.label}
        </View>
      ))}
    </View>
  );
}
