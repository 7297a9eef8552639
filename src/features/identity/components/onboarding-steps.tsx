import { Text, View } from '@tarojs/components';
import './identity.css';
import type { OnboardingStep } from '../hooks/use-onboarding';

const STEPS: Array<{ step: OnboardingStep; label: string }> = [
  { step: 'birth', label: '出生日期' },
  { step: 'agreements', label: '阅读协议' },
  { step: 'guardian', label: '监护人确认' },
];

/** Where the user is in sign-up; the guardian step shows only for minors. */
export function OnboardingSteps({ current, minor }: { current: OnboardingStep; minor: boolean }) {
  const steps = minor ? STEPS : STEPS.slice(0, 2);
  const currentIndex = steps.findIndex((s) => s.step === current);
  return (
    <View className='onboarding-steps' role='list' aria-label='注册步骤'>
      {steps.map((s, index) => (
        <View
          key={s.step}
          role='listitem'
          aria-current={index === currentIndex ? 'step' : undefined}
          className={`onboarding-steps__item ${index === currentIndex ? 'onboarding-steps__item--current' : ''} ${index < currentIndex ? 'onboarding-steps__item--done' : ''}`}
        >
          <Text className='onboarding-steps__dot'>{index < currentIndex ? '✓' : index + 1}</Text>
          <Text className='onboarding-steps__label'>{s.label}</Text>
        </View>
      ))}
    </View>
  );
}
