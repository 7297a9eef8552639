import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MarkdownView } from '../../identity';
import type { AgreementDocument } from '../services/account-settings.types';
import './settings.css';
import { formatShanghai } from '../../../lib/time';

/** One current document: key clauses up front (LX: 重点条款须显著提示), the full text on demand. */
export function AgreementCard({ doc }: { doc: AgreementDocument }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='card settings-doc' data-testid={`agreement-${doc.slug}`}>
      <View className='settings-doc__head'>
        <Text className='settings-doc__title'>{doc.title}</Text>
        <Text className={`settings-tag ${doc.required ? 'settings-tag--required' : ''}`}>{doc.required ? '必需' : '可选'}</Text>
      </View>
      <Text className='settings-muted'>
        {doc.version_title} · 第 {doc.version} 版 · {formatShanghai(doc.effective_at)} 生效
      </Text>
      {doc.key_clauses.length > 0 && (
        <View className='settings-doc__keys' aria-label='重点条款'>
          <Text className='settings-doc__keys-title'>重点条款（请特别留意）</Text>
          {doc.key_clauses.map((clause) => (
            <Text key={clause.id} className='settings-doc__key'>
              · {clause.title}
            </Text>
          ))}
        </View>
      )}
      <View
        className='settings-link'
        role='button'
        aria-expanded={open}
        data-testid={`agreement-${doc.slug}-toggle`}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? '收起全文' : '阅读全文'}
      </View>
      {open && <MarkdownView source={doc.body_md} testId={`agreement-${doc.slug}-body`} />}
    </View>
  );
}
