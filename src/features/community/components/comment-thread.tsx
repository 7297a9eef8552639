import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { useLoader } from '../../../lib/hooks/use-loader';
import { Button } from '../../../ui/button';
import { FormError } from '../../../ui/form-error';
import { LoadState } from '../../../ui/load-state';
import { excerpt } from '../lib/delta';
import { buildThread, type ThreadItem } from '../lib/thread';
import { comments, publishComment } from '../services/community.service';
import './community.css';

export interface CommentThreadProps {
  postId: string;
  channel: string;
  canComment: boolean;
  onReport(commentId: string): void;
  /** questions: the comments are answers; the accepted one is marked, and the asker may accept one */
  question?: { acceptedId: string | null; canAccept: boolean; askerId: string | null; onAccept(commentId: string): void };
}

/** The post's comments (replies under their comment, quotes shown) and the comment box. */
export function CommentThread({ postId, channel, canComment, onReport, question }: CommentThreadProps) {
  const list = useLoader(() => comments(postId), postId);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<{ item: ThreadItem; quote: boolean } | null>(null);
  const action = useAction();
  const [notice, setNotice] = useState('');

  const send = () => {
    setNotice('');
    void action.run(async () => {
      const r = await publishComment(postId, text, channel, target?.item.id ?? null, target?.quote ? target.item.id : null);
      setText('');
      setTarget(null);
      if (r.status === 'held') setNotice('评论已提交，审核通过后对其他同事可见');
      list.reload();
    });
  };

  const accepted = (c: ThreadItem) => question?.acceptedId === c.id;
  const row = (c: ThreadItem, reply: boolean) => (
    <View key={c.id} className={`community-comment ${reply ? 'community-comment--reply' : ''}`} data-testid='community-comment'>
      <Text className='community-comment__author'>
        {accepted(c) && <Text className='community-badge community-badge--ok' data-testid='community-accepted'>已采纳</Text>}
        {c.author_name}
      </Text>
      {c.quote && <Text className='community-comment__quote'>引用 {c.quote.author_name}：{excerpt(c.quote.body_text, 40)}</Text>}
      <Text className='community-comment__text'>{c.body_text}</Text>
      <View>
        {canComment && <Text className='community-comment__ops' onClick={() => setTarget({ item: c, quote: false })}>回复</Text>}
        {canComment && <Text className='community-comment__ops' onClick={() => setTarget({ item: c, quote: true })}>引用</Text>}
        <Text className='community-comment__ops' onClick={() => onReport(c.id)}>举报</Text>
        {question?.canAccept && !reply && !accepted(c) && c.author_id !== question.askerId && (
          <Text className='community-comment__ops' role='button' onClick={() => question.onAccept(c.id)} data-testid='community-accept'>采纳</Text>
        )}
      </View>
    </View>
  );

  return (
    <View className='card' data-testid='community-comments'>
      <Text className='section-title'>{question ? '回答' : '评论'}</Text>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} isEmpty={list.data?.length === 0} empty='还没有评论' testId='community-comments-state' />
      {buildThread(list.data ?? []).sort((a, b) => Number(accepted(b)) - Number(accepted(a))).map((c) => (
        <View key={c.id}>
          {row(c, false)}
          {c.replies.map((r) => row(r, true))}
        </View>
      ))}
      {canComment && (
        <View>
          {target && (
            <Text className='community-comment__quote' onClick={() => setTarget(null)}>
              {target.quote ? '引用' : '回复'} {target.item.author_name}（点此取消）
            </Text>
          )}
          <Textarea className='community-textarea' maxlength={2000} value={text} placeholder={question ? '写下你的回答' : '友善发言，理性讨论'}
            onInput={(e) => setText(e.detail.value)} aria-label='评论内容' data-testid='community-comment-input' />
          <FormError message={action.error} />
          {notice && <Text className='community-notice'>{notice}</Text>}
          <Button type='primary' size='small' disabled={action.busy || !text.trim()} onClick={send} data-testid='community-comment-send'>
            发表评论
          </Button>
        </View>
      )}
    </View>
  );
}
