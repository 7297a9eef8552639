import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { useLoader } from '../hooks/use-kb-loader';
import { KB_ROUTES } from '../routes';
import { kbService, type KbService } from '../services/kb.service';
import { canEdit, ROLE_LABEL, type KbPage } from '../services/kb.types';
import { useKbMedia } from '../hooks/use-kb-media';
import { DeltaView } from '../../../ui/rich-text';
import { FilePreview } from './file-preview';
import { Watermark } from './watermark';
import './kb.css';

export interface PageViewProps {
  page: KbPage;
  onChanged(): void;
  service?: Pick<KbService, 'setLike' | 'setFavorite' | 'comments' | 'addComment' | 'copyNode' | 'saveTemplate'>;
  /** shown under the content (the page's owner and review date, from the kb subpackage's page) */
  children?: ReactNode;
}

/** A page: content, who updated it, counters, like / favourite, comments (when on), edit and history for editors. */
export function PageView({ page, onChanged, service = kbService, children }: PageViewProps) {
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const resolveMedia = useKbMedia(page.delta);
  const comments = useLoader(() => service.comments(page.id), `${page.id}|${page.comments}`, page.comments_enabled);
  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await fn();
      if (done) void Taro.showToast({ title: done, icon: 'none' });
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid='kb-page'>
      {page.watermark && page.viewer_mark ? <Watermark mark={page.viewer_mark} /> : null}
      <Text className='page-title'>{page.title}</Text>
      <Text className='kb-muted' data-testid='kb-page-meta'>
        {`${page.updated_by_name ?? ''} ${page.updated_at.slice(0, 10)} 更新 · 阅读 ${page.reads} · ${ROLE_LABEL[page.role]}`}
      </Text>
      {page.kind === 'page' ? <DeltaView delta={page.delta} resolveMedia={resolveMedia} testId='kb-doc' emptyText='这个页面还没有内容' noCopy={!!page.copy_protect} /> : null}
      {page.kind === 'file' ? <FilePreview page={page} /> : null}
      {children}
      <View className='kb-toolbar'>
        <Button size='small' disabled={busy} data-testid='kb-like' onClick={() => void act(() => service.setLike(page.id, !page.liked))}>
          {`${page.liked ? '已赞' : '点赞'} ${page.likes}`}
        </Button>
        <Button size='small' disabled={busy} data-testid='kb-favorite' onClick={() => void act(() => service.setFavorite(page.id, !page.favorited), page.favorited ? '已取消收藏' : '已收藏')}>
          {page.favorited ? '取消收藏' : '收藏'}
        </Button>
        {canEdit(page.role) && page.kind === 'page' ? (
          <Button size='small' type='primary' data-testid='kb-edit' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.edit(page.id) })}>编辑</Button>
        ) : null}
        {canEdit(page.role) && page.kind === 'page' ? (
          <Button size='small' disabled={busy} data-testid='kb-copy' onClick={() => void act(async () => {
            const copy = await service.copyNode(page.id);
            void Taro.navigateTo({ url: KB_ROUTES.page(copy) });
          }, '已复制')}>复制</Button>
        ) : null}
        {page.role === 'manager' && page.kind === 'page' ? (
          <Button size='small' disabled={busy} data-testid='kb-save-template'
            onClick={() => void act(() => service.saveTemplate(page.id, page.title.slice(0, 50)), '已存为模板')}>存为模板</Button>
        ) : null}
        {page.role === 'manager' ? (
          <Button size='small' data-testid='kb-page-access' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.access(page.id) })}>权限设置</Button>
        ) : null}
        {page.kind === 'page' ? (
          <Button size='small' data-testid='kb-versions' onClick={() => void Taro.navigateTo({ url: KB_ROUTES.versions(page.id) })}>历史版本</Button>
        ) : null}
      </View>
      {page.comments_enabled ? (
        <View data-testid='kb-comments'>
          <Text className='kb-section-title'>{`评论 ${page.comments}`}</Text>
          {(comments.data ?? []).map((c) => (
            <View key={c.id} className='kb-item'>
              <Text>{c.body}</Text>
              <Text className='kb-muted'>{c.created_at.slice(0, 16).replace('T', ' ')}</Text>
            </View>
          ))}
          <Textarea className='kb-editor' style={{ minHeight: '60px' }} value={comment} maxlength={1000} placeholder='写下你的评论' onInput={(e) => setComment(e.detail.value)} data-testid='kb-comment-input' />
          <Button size='small' type='primary' disabled={busy || !comment.trim()} data-testid='kb-comment-submit'
            onClick={() => void act(async () => { await service.addComment(page.id, comment.trim()); setComment(''); }, '已发表')}>
            发表评论
          </Button>
        </View>
      ) : (
        <Text className='kb-muted'>该页面已关闭评论</Text>
      )}
    </View>
  );
}
