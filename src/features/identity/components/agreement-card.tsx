import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CurrentAgreement, MissingAgreement } from '../services/identity.types';
import { ConsentCheckbox } from './consent-checkbox';
import { MarkdownView } from './markdown-view';

export interface AgreementCardProps {
  item: MissingAgreement;
  agreement: CurrentAgreement | undefined;
  checked: boolean;
  onToggle(checked: boolean): void;
}

/** One document: key clauses up front, the full text on demand, and its own unticked box. */
export function AgreementCard({ item, agreement, checked, onToggle }: AgreementCardProps) {
  const [open, setOpen] = useState(false);
  const slug = item.slug;
  return (
    <View className='card agreement-card' data-testid={`agreement-${slug}`}>
      <View className='agreement-card__head'>
        <Text className='agreement-card__title'>{item.title}</Text>
        <Text className='agreement-card__meta'>
          {item.version_title}
          {item.previously_consented_version !== null ? ` · 已从第 ${item.previously_consented_version} 版更新` : ''}
        </Text>
      </View>
      {agreement && agreement.key_clauses.length > 0 && (
        <View className='agreement-card__clauses'>
          <Text className='agreement-card__clauses-label'>重点条款：</Text>
          {agreement.key_clauses.map((clause) => (
            <Text key={clause.id} className='agreement-card__clause'>
              {clause.title}
            </Text>
          ))}
        </View>
      )}
      <View
        className='agreement-card__toggle'
        role='button'
        aria-expanded={open}
        aria-label={`${open ? '收起' : '阅读'}《${item.title}》全文`}
        data-testid={`agreement-read-${slug}`}
        onClick={() => setOpen(!open)}
      >
        {open ? '收起全文' : '阅读全文'}
      </View>
      {open && (
        <View className='agreement-card__body'>
          {agreement ? (
            <MarkdownView source={agreement.body_md} testId={`agreement-body-${slug}`} />
          ) : (
            <Text>协议正文暂时无法显示，请稍后重试</Text>
          )}
        </View>
      )}
      <ConsentCheckbox checked={checked} onChange={onToggle} label={`我已阅读并同意《${item.title}》`} data-testid={`agreement-check-${slug}`}>
        我已阅读并同意《{item.title}》{item.required ? '' : '（可选）'}
      </ConsentCheckbox>
    </View>
  );
}
