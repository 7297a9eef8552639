import { deltaToBlocks, type Delta } from '../delta';
import { deltaToMarkdown, markdownToDelta } from '../markdown';

describe('Markdown import', () => {
  it('reads headings, emphasis, lists, quotes, code and links into the Delta the editors store', () => {
    const { delta } = markdownToDelta([
      '# 入职指南', '', '第一天请带上**身份证**和*学历证明*，~~不用~~带电脑。', '',
      '- 领取工牌', '  - 找前台', '1. 签合同', '', '> 有问题找 Buddy', '', '```', 'npm install', 'npm test', '```', '',
      '详见[制度](https://hr.example.com/rules)，或发邮件给 [HR](mailto:hr@example.com)，代码 `make`。',
    ].join('\n'));
    expect(deltaToBlocks(delta)).toEqual([
      { type: 'header', level: 1, runs: [{ text: '入职指南' }] },
      { type: 'paragraph', runs: [{ text: '第一天请带上' }, { text: '身份证', bold: true }, { text: '和' }, { text: '学历证明', italic: true },
        { text: '，' }, { text: '不用', strike: true }, { text: '带电脑。' }] },
      { type: 'list-item', ordered: false, indent: 0, runs: [{ text: '领取工牌' }] },
      { type: 'list-item', ordered: false, indent: 1, runs: [{ text: '找前台' }] },
      { type: 'list-item', ordered: true, indent: 0, runs: [{ text: '签合同' }] },
      { type: 'blockquote', runs: [{ text: '有问题找 Buddy' }] },
      { type: 'code', runs: [{ text: 'npm install' }] },
      { type: 'code', runs: [{ text: 'npm test' }] },
      { type: 'paragraph', runs: [{ text: '详见' }, { text: '制度', link: 'https://hr.example.com/rules' }, { text: '，或发邮件给 ' },
        { text: 'HR', link: 'mailto:hr@example.com' }, { text: '，代码 ' }, { text: 'make', code: true }, { text: '。' }] },
    ]);
  });

  it('keeps raw HTML as text and never makes an unsafe link', () => {
    const { delta } = markdownToDelta('<script>alert(1)</script>\n\n[点我](javascript:alert(1)) [本地](file:///etc/passwd)');
    const text = JSON.stringify(delta);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toMatch(/"link":"(javascript|file):/);
    expect(deltaToBlocks(delta).flatMap((b) => ('runs' in b ? b.runs : [])).some((r) => r.link)).toBe(false);
  });

  it('turns web images into links and counts them; keeps only storage images the module accepts', () => {
    const own = 'kb/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/image-1.png';
    const other = 'kb/33333333-3333-4333-8333-333333333333/22222222-2222-4222-8222-222222222222/image-1.png';
    const { delta, linkedImages } = markdownToDelta(`![架构图](https://img.example.com/a.png)\n\n![图](${own})\n\n![别家](${other})`,
      (src) => src.startsWith('kb/11111111-'));
    expect(linkedImages).toBe(1);
    expect(deltaToBlocks(delta)).toEqual([
      { type: 'paragraph', runs: [{ text: '架构图', link: 'https://img.example.com/a.png' }] },
      { type: 'image', src: own, alt: '' },
      { type: 'paragraph', runs: [{ text: '别家' }] },
    ]);
  });

  it('reads a GFM table into table lines', () => {
    const { delta } = markdownToDelta('| 岗位 | 人数 |\n| --- | --- |\n| 研发 | 12 |\n');
    expect(deltaToBlocks(delta)).toEqual([
      { type: 'table', rows: [[[{ text: '岗位' }], [{ text: '人数' }]], [[{ text: '研发' }], [{ text: '12' }]]] },
    ]);
  });
});

describe('Markdown export', () => {
  const page: Delta = { ops: [
    { insert: '周报' }, { insert: '\n', attributes: { header: 2 } },
    { insert: '本周完成 ' }, { insert: '3 项', attributes: { bold: true } }, { insert: '，见' }, { insert: '看板', attributes: { link: 'https://pm.example.com/b' } },
    { insert: '\n下周计划\n' },
    { insert: '上线 *搜索*' }, { insert: '\n', attributes: { list: 'bullet' } },
    { insert: '压测' }, { insert: '\n', attributes: { list: 'bullet', indent: 1 } },
    { insert: '复盘' }, { insert: '\n', attributes: { list: 'ordered' } },
    { insert: '风险：人手不足' }, { insert: '\n', attributes: { blockquote: true } },
    { insert: 'SELECT 1;' }, { insert: '\n', attributes: { 'code-block': true } },
    { insert: '# 不是标题\n' },
    { insert: { image: 'kb/e/p/image-1.png' } }, { insert: '\n' },
  ] };

  it('writes Markdown a reader recognises', () => {
    expect(deltaToMarkdown(page)).toBe([
      '## 周报', '', '本周完成 **3 项**，见[看板](https://pm.example.com/b)', '下周计划', '', '- 上线 \\*搜索\\*', '   - 压测', '',
      '1. 复盘', '', '> 风险：人手不足', '', '```', 'SELECT 1;', '```', '', '\\# 不是标题', '', '![图片](kb/e/p/image-1.png)', '',
    ].join('\n'));
  });

  it('round-trips through import: the same blocks come back', () => {
    const back = markdownToDelta(deltaToMarkdown(page), (src) => src.startsWith('kb/')).delta;
    const noAlt = (d: unknown) => deltaToBlocks(d).map((b) => (b.type === 'image' ? { ...b, alt: '' } : b));
    expect(noAlt(back)).toEqual(noAlt(page));
  });

  it('round-trips an imported document back to the same Markdown', () => {
    const source = '# 标题\n\n正文 **粗体** 与 *斜体*\n\n- 一\n- 二\n\n> 引用\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n';
    expect(deltaToMarkdown(markdownToDelta(source).delta)).toBe(source);
  });
});
