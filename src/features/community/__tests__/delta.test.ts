import { deltaToBlocks, deltaToPlain, excerpt, plainToDelta } from '../lib/delta';

describe('community rich text (Quill Delta)', () => {
  it('a compose box’s text becomes one insert with Quill’s closing newline, and back', () => {
    const d = plainToDelta('第一段\r\n第二段\n\n');
    expect(d).toEqual({ ops: [{ insert: '第一段\n第二段\n' }] });
    expect(deltaToPlain(d)).toBe('第一段\n第二段\n');
  });

  it('renders paragraphs of styled runs and images; script links and unknown embeds are dropped', () => {
    const blocks = deltaToBlocks({
      ops: [
        { insert: '欢迎来到' },
        { insert: '技术交流', attributes: { bold: true } },
        { insert: '\n' },
        { insert: { image: 'https://cdn.example/a.png' } },
        { insert: '点我', attributes: { link: 'javascript:alert(1)' } },
        { insert: '\n' },
        { insert: { video: 'x.mp4' } },
        { insert: '官网', attributes: { link: 'https://zhixiang.example' } },
        { insert: '\n' },
      ],
    });
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: '欢迎来到' }, { text: '技术交流', bold: true }] },
      { kind: 'image', src: 'https://cdn.example/a.png' },
      { kind: 'paragraph', runs: [{ text: '点我' }] },
      { kind: 'paragraph', runs: [{ text: '官网', link: 'https://zhixiang.example' }] },
    ]);
  });

  it('excerpts fold whitespace and cut long text', () => {
    expect(excerpt('  一行\n\n两行  ')).toBe('一行 两行');
    expect(excerpt('长'.repeat(100), 10)).toBe(`${'长'.repeat(10)}…`);
  });
});
