import { diffLines } from '../lib/text-diff';
import { BUILT_IN_TEMPLATES } from '../lib/templates';
import { deltaToBlocks } from '../../../ui/rich-text';

describe('comparing two versions', () => {
  it('marks the lines only in the older version as removed and those only in the newer as added', () => {
    expect(diffLines('灰度方案\n先向研发开放\n观察一周\n', '灰度方案\n直接全量发布\n观察一周\n')).toEqual([
      { kind: 'same', text: '灰度方案' },
      { kind: 'removed', text: '先向研发开放' },
      { kind: 'added', text: '直接全量发布' },
      { kind: 'same', text: '观察一周' },
    ]);
  });

  it('shows a first version as all added and identical versions as unchanged', () => {
    expect(diffLines('', '第一行\n第二行')).toEqual([{ kind: 'added', text: '第一行' }, { kind: 'added', text: '第二行' }]);
    expect(diffLines('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
    expect(diffLines('', '')).toEqual([]);
  });
});

describe('built-in templates', () => {
  it('each starts with its title as a heading', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.title)).toEqual(['会议纪要', '操作手册', '项目周报', '入职清单']);
    for (const t of BUILT_IN_TEMPLATES) expect(deltaToBlocks(t.delta)[0]).toEqual({ type: 'header', level: 1, runs: [{ text: t.title }] });
  });
});
