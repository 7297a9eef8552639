import { render } from '@testing-library/react';
import { HighlightText } from '../components/highlight-text';
import { splitHighlights } from '../lib/highlight';

describe('splitHighlights', () => {
  it('marks the server ranges (characters, not UTF-16 units) as hits', () => {
    expect(splitHighlights('年终奖金按绩效发放', [[2, 2], [5, 2]])).toEqual([
      { text: '年终', hit: false }, { text: '奖金', hit: true }, { text: '按', hit: false }, { text: '绩效', hit: true }, { text: '发放', hit: false },
    ]);
    expect(splitHighlights('𠀀知识', [[1, 2]])).toEqual([{ text: '𠀀', hit: false }, { text: '知识', hit: true }]);
    expect(splitHighlights('知识', 'bad')).toEqual([{ text: '知识', hit: false }]);
  });
});

describe('HighlightText', () => {
  it('emphasises exactly the hit ranges', () => {
    const { container } = render(<HighlightText text='年终奖金按绩效发放' ranges={[[2, 2]]} />);
    expect(Array.from(container.querySelectorAll('.kb-hit')).map((e) => e.textContent)).toEqual(['奖金']);
  });
});
