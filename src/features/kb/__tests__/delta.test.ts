import { deltaToBlocks, deltaToMarkup, markupToDelta, safeUrl } from '../lib/delta';
import { splitHighlights } from '../lib/highlight';

describe('deltaToBlocks', () => {
  it('turns Quill line formats into headings, lists and paragraphs with inline runs', () => {
    const blocks = deltaToBlocks({
      ops: [
        { insert: '考勤制度' }, { insert: '\n', attributes: { header: 1 } },
        { insert: '上班时间 ' }, { insert: '9:00', attributes: { bold: true } }, { insert: '\n' },
        { insert: '打卡' }, { insert: '\n', attributes: { list: 'bullet' } },
        { insert: '请假' }, { insert: '\n', attributes: { list: 'ordered', indent: 1 } },
      ],
    });
    expect(blocks).toEqual([
      { type: 'header', level: 1, runs: [{ text: '考勤制度' }] },
      { type: 'paragraph', runs: [{ text: '上班时间 ' }, { text: '9:00', bold: true }] },
      { type: 'list-item', ordered: false, indent: 0, runs: [{ text: '打卡' }] },
      { type: 'list-item', ordered: true, indent: 1, runs: [{ text: '请假' }] },
    ]);
  });

  it('drops unsafe links and media instead of rendering them', () => {
    const blocks = deltaToBlocks({
      ops: [
        { insert: '点我', attributes: { link: 'javascript:alert(1)' } }, { insert: '\n' },
        { insert: { image: 'data:image/svg+xml,<svg onload=alert(1)>' } },
        { insert: { image: 'https://cdn.example.com/a.png' } },
        { insert: '<img src=x onerror=alert(1)>\n' },
      ],
    });
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '点我' }] },
      { type: 'image', src: 'https://cdn.example.com/a.png', alt: '' },
      { type: 'paragraph', runs: [{ text: '<img src=x onerror=alert(1)>' }] },
    ]);
    expect(safeUrl('http://insecure.example.com')).toBeNull();
  });

  it('tolerates anything that is not a Delta', () => {
    expect(deltaToBlocks(null)).toEqual([]);
    expect(deltaToBlocks({ ops: 'x' })).toEqual([]);
    expect(deltaToBlocks({ ops: [null, 3, { insert: 5 }] })).toEqual([]);
  });
});

describe('the simple editor markup', () => {
  it('round-trips headings, lists and quotes through a Delta', () => {
    const text = '# 入职指南\n第一天报到\n- 领取工牌\n1. 签合同\n> 有问题找 Buddy';
    const delta = markupToDelta(text);
    expect(delta.ops[1]).toEqual({ insert: '\n', attributes: { header: 1 } });
    expect(deltaToMarkup(delta)).toBe(text);
  });
});

describe('splitHighlights', () => {
  it('marks the server ranges (characters, not UTF-16 units) as hits', () => {
    expect(splitHighlights('年终奖金按绩效发放', [[2, 2], [5, 2]])).toEqual([
      { text: '年终', hit: false }, { text: '奖金', hit: true }, { text: '按', hit: false }, { text: '绩效', hit: true }, { text: '发放', hit: false },
    ]);
    expect(splitHighlights('𠀀知识', [[1, 2]])).toEqual([{ text: '𠀀', hit: false }, { text: '知识', hit: true }]);
    expect(splitHighlights('知识', 'bad')).toEqual([{ text: '知识', hit: false }]);
  });
});
