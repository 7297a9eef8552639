import { Image, Text, Video, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { deltaToBlocks, type Block, type Run } from './delta';
import './rich-text.css';

export interface DeltaViewProps {
  delta: unknown;
  /** Turns a stored media reference (https URL or storage path) into a URL to load; undefined hides it. */
  resolveMedia?: (src: string) => string | undefined;
  /** Copy restriction: the text can't be selected (and on H5 the copy event is refused). */
  noCopy?: boolean;
  testId?: string;
  emptyText?: string;
}

const defaultResolve = (src: string) => (src.startsWith('https://') ? src : undefined);

function followLink(link: string) {
  // H5 opens the link in a new tab, cut off from this page; mini-programs can't open outside
  // links, so there the link is copied.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    window.open(link, '_blank', 'noopener,noreferrer');
    return;
  }
  void Taro.setClipboardData({ data: link }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }));
}

// Mini-program text is selectable only when asked (userSelect); H5 text is, unless .rt-no-copy.
const WEAPP = process.env.TARO_ENV !== 'h5';

function Runs({ runs, selectable }: { runs: Run[]; selectable: boolean }) {
  const select = WEAPP && selectable ? { userSelect: true } : {};
  return (
    <>
      {runs.map((run, i) => {
        const cls = ['rt-run', run.bold && 'rt-run--bold', run.italic && 'rt-run--italic', run.underline && 'rt-run--underline',
          run.strike && 'rt-run--strike', run.code && 'rt-run--code', run.link && 'rt-run--link'].filter(Boolean).join(' ');
        const link = run.link;
        if (!link) return <Text key={i} className={cls} {...select}>{run.text}</Text>;
        return <Text key={i} className={cls} {...select} role='link' data-href={link} onClick={() => followLink(link)}>{run.text}</Text>;
      })}
    </>
  );
}

interface BlockProps {
  block: Block;
  resolve: (src: string) => string | undefined;
  images: string[];
  /** the number of an ordered list item */
  mark?: number;
  selectable: boolean;
}

function BlockView({ block, resolve, images, mark, selectable: sel }: BlockProps) {
  switch (block.type) {
    case 'image': {
      const url = resolve(block.src);
      if (!url) return null;
      return <Image className='rt-image' src={url} mode='widthFix' aria-label={block.alt || '图片'} onClick={() => void Taro.previewImage({ current: url, urls: images })} />;
    }
    case 'video': {
      const url = resolve(block.src);
      return url ? <Video className='rt-video' src={url} controls /> : null;
    }
    case 'header':
      return <View className={`rt-block rt-h${block.level}`} role='heading' aria-level={block.level}><Runs runs={block.runs} selectable={sel} /></View>;
    case 'list-item':
      return (
        <View className='rt-block rt-li' style={{ paddingLeft: `${18 + block.indent * 16}px` }}>
          <Text className='rt-li__mark'>{block.ordered ? `${mark ?? 1}.` : '•'}</Text>
          <Runs runs={block.runs} selectable={sel} />
        </View>
      );
    case 'table':
      return (
        <View className='rt-table' role='table'>
          {block.rows.map((row, r) => (
            <View key={r} className='rt-tr' role='row'>
              {row.map((cell, c) => <View key={c} className='rt-td' role='cell'><Runs runs={cell} selectable={sel} /></View>)}
            </View>
          ))}
        </View>
      );
    default:
      return (
        <View className={`rt-block rt-${block.type}`}>
          {block.runs.length ? <Runs runs={block.runs} selectable={sel} /> : <Text> </Text>}
        </View>
      );
  }
}

/** The number of each ordered list item, counted per run of the same list and level (Quill stores none). */
function listNumbers(blocks: Block[]): Array<number | undefined> {
  const counters: number[] = [];
  return blocks.map((b) => {
    if (b.type !== 'list-item') {
      counters.length = 0;
      return undefined;
    }
    counters.length = b.indent + 1;
    counters[b.indent] = (counters[b.indent] ?? 0) + 1;
    return counters[b.indent];
  });
}

const refuseCopy = (e: { preventDefault(): void }) => e.preventDefault();

/** A stored rich text rendered as Taro nodes: text stays text, no HTML is built or injected. */
export function DeltaView({ delta, resolveMedia = defaultResolve, noCopy = false, testId = 'rich-doc', emptyText = '还没有内容' }: DeltaViewProps) {
  const blocks = deltaToBlocks(delta);
  const numbers = listNumbers(blocks);
  const images = blocks.flatMap((b) => (b.type === 'image' ? [resolveMedia(b.src)].filter((u): u is string => !!u) : []));
  if (!blocks.length) return <Text className='rt-muted'>{emptyText}</Text>;
  const guard = noCopy ? { onCopy: refuseCopy, onCut: refuseCopy, onContextMenu: refuseCopy } : {};
  return (
    <View className={`rt-doc${noCopy ? ' rt-no-copy' : ''}`} data-testid={testId} data-no-copy={noCopy ? 'true' : undefined} {...guard}>
      {blocks.map((b, i) => <BlockView key={i} block={b} resolve={resolveMedia} images={images} mark={numbers[i]} selectable={!noCopy} />)}
    </View>
  );
}
