import { Image, Text, Video, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { deltaToBlocks, type Block, type Run } from '../lib/delta';
import './kb.css';

export interface DeltaViewProps {
  delta: unknown;
  /** Turns a stored media reference (https URL or `kb/…` object path) into a URL to load; undefined hides it. */
  resolveMedia?: (src: string) => string | undefined;
}

const defaultResolve = (src: string) => (src.startsWith('https://') ? src : undefined);

function RunText({ run }: { run: Run }) {
  const cls = ['kb-run', run.bold && 'kb-run--bold', run.italic && 'kb-run--italic', run.underline && 'kb-run--underline',
    run.strike && 'kb-run--strike', run.code && 'kb-run--code', run.link && 'kb-run--link'].filter(Boolean).join(' ');
  if (!run.link) return <Text className={cls}>{run.text}</Text>;
  // Mini-programs can't open outside links: the link is copied, on every platform alike.
  const link = run.link;
  return (
    <Text className={cls} onClick={() => void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }))}>
      {run.text}
    </Text>
  );
}

function BlockView({ block, resolve, images }: { block: Block; resolve: (src: string) => string | undefined; images: string[] }) {
  switch (block.type) {
    case 'image': {
      const url = resolve(block.src);
      if (!url) return null;
      return <Image className='kb-image' src={url} mode='widthFix' onClick={() => void Taro.previewImage({ current: url, urls: images })} />;
    }
    case 'video': {
      const url = resolve(block.src);
      return url ? <Video className='kb-video' src={url} controls /> : null;
    }
    case 'header':
      return <View className={`kb-block kb-h${block.level}`}>{block.runs.map((r, i) => <RunText key={i} run={r} />)}</View>;
    case 'list-item':
      return (
        <View className='kb-block kb-li' style={{ paddingLeft: `${16 + block.indent * 16}px` }}>
          <Text className='kb-li__mark'>{block.ordered ? '·' : '•'}</Text>
          {block.runs.map((r, i) => <RunText key={i} run={r} />)}
        </View>
      );
    default:
      return (
        <View className={`kb-block kb-${block.type}`}>
          {block.runs.length ? block.runs.map((r, i) => <RunText key={i} run={r} />) : <Text> </Text>}
        </View>
      );
  }
}

/** A stored page rendered as Taro nodes: text stays text, no HTML is built or injected. */
export function DeltaView({ delta, resolveMedia = defaultResolve }: DeltaViewProps) {
  const blocks = deltaToBlocks(delta);
  const images = blocks.flatMap((b) => (b.type === 'image' ? [resolveMedia(b.src)].filter((u): u is string => !!u) : []));
  if (!blocks.length) return <Text className='kb-muted'>这个页面还没有内容</Text>;
  return (
    <View className='kb-doc' data-testid='kb-doc'>
      {blocks.map((b, i) => <BlockView key={i} block={b} resolve={resolveMedia} images={images} />)}
    </View>
  );
}
