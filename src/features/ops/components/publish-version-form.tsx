import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Input } from '../../../ui/input';
import { ConfirmAction } from '../../../ui/confirm-action';
import { type AgreementDocument } from '../../account-settings';
import type { OpsService } from '../services/ops.service';
import { ChoiceChips } from '../../../ui/choice-chips';
import { formatShanghai } from '../../../lib/time';
import { StatusLine } from '../../../ui/status-line';

export interface PublishVersionFormProps {
  service: Pick<OpsService, 'getCurrentAgreements' | 'publishAgreementVersion'>;
}

// Key clauses are the bold passages of the text: derive the list from them, so the list shown up
// front and the emphasis in the text cannot disagree.
function keyClausesOf(body: string) {
  return Array.from(body.matchAll(/\*\*([^*]+)\*\*/g)).map((m, i) => ({ id: `clause-${i + 1}`, title: m[1].slice(0, 60) }));
}

/** 发布协议新版本: starts from the current text; effective at once (required ones make everyone re-consent). */
export function PublishVersionForm({ service }: PublishVersionFormProps) {
  const [docs, setDocs] = useState<AgreementDocument[]>([]);
  const [docId, setDocId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState('');

  useEffect(() => {
    service.getCurrentAgreements().then(setDocs, (failure: unknown) => setError(messageOf(failure)));
  }, [service]);

  const choose = (id: string) => {
    const doc = docs.find((d) => d.document_id === id);
    setDocId(id);
    setResult('');
    setTitle(doc ? doc.version_title : '');
    setBody(doc ? doc.body_md : '');
  };
  const doc = docs.find((d) => d.document_id === docId);

  const publish = async () => {
    const published = await service.publishAgreementVersion({ documentId: docId, title, bodyMd: body, keyClauses: keyClausesOf(body) });
    setResult(`已发布《${doc?.title ?? ''}》第 ${published.version} 版，${formatShanghai(published.effective_at)} 生效`);
    setDocs(await service.getCurrentAgreements());
  };

  return (
    <View className='card' data-testid='ops-publish'>
      {error && <Text className='field__error' role='alert'>{error}</Text>}
      <ChoiceChips tone='danger'
        label='协议'
        testId='ops-publish-doc'
        value={docId}
        options={docs.map((d) => ({ value: d.document_id, label: `${d.title}（第 ${d.version} 版）` }))}
        onChange={choose}
      />
      {doc && (
        <>
          <View className='field'>
            <Text className='field__label'>新版本标题</Text>
            <View className='field__control'>
              <Input type='text' value={title} onChange={setTitle} aria-label='新版本标题' data-testid='ops-publish-title' />
            </View>
          </View>
          <View className='field'>
            <Text className='field__label'>正文（Markdown，重点条款用 **加粗**）</Text>
            <Textarea className='settings-textarea' maxlength={-1} value={body} onInput={(e) => setBody(e.detail.value)} aria-label='正文' data-testid='ops-publish-body' />
          </View>
          <ConfirmAction
            label='发布新版本'
            type='primary'
            message={
              doc.required
                ? `发布后立即生效：所有用户须重新同意《${doc.title}》后才能继续使用，并会收到通知。`
                : `发布后立即生效：同意过旧版本的用户会收到更新通知。`
            }
            confirmLabel='确认发布'
            testId='ops-publish-submit'
            onConfirm={publish}
          />
        </>
      )}
      <StatusLine message={result} className='settings-note' testId='ops-publish-result' />
    </View>
  );
}
