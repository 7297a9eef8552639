import { Text, View } from '@tarojs/components';
import type { GuardianRelationship } from '../services/identity.types';

const OPTIONS: Array<{ value: GuardianRelationship; label: string }> = [
  { value: 'father', label: '父亲' },
  { value: 'mother', label: '母亲' },
  { value: 'other_guardian', label: '其他监护人' },
];

/** Relationship as a radio group of chips: three choices fit on one line on a phone. */
export function RelationshipChoice({ value, onChange }: { value: GuardianRelationship | null; onChange(value: GuardianRelationship): void }) {
  return (
    <View className='field'>
      <Text className='field__label'>与你的关系</Text>
      <View className='relationship' role='radiogroup' aria-label='监护人与你的关系'>
        {OPTIONS.map((option) => (
          <View
            key={option.value}
            className={`relationship__chip ${value === option.value ? 'relationship__chip--on' : ''}`}
            role='radio'
            aria-checked={value === option.value}
            data-testid={`guardian-relationship-${option.value}`}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </View>
        ))}
      </View>
    </View>
  );
}
