import { render, screen } from '@testing-library/react';
import { DeltaView } from '../components/delta-view';
import { HighlightText } from '../components/highlight-text';

describe('DeltaView', () => {
  it('shows markup a page author typed as text, and loads no media from unsafe sources', () => {
    const { container } = render(
      <DeltaView
        delta={{ ops: [
          { insert: '<img src=x onerror=alert(1)>' }, { insert: '\n' },
          { insert: { image: 'javascript:alert(1)' } },
          { insert: { image: 'https://cdn.example.com/ok.png' } },
        ] }}
      />,
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    const srcs = Array.from(container.querySelectorAll('img, taro-image-core')).map((e) => e.getAttribute('src'));
    expect(srcs).toEqual(['https://cdn.example.com/ok.png']);
    expect(container.innerHTML).not.toContain('onerror=alert(1)"');
  });

  it('says so when a page is empty', () => {
    render(<DeltaView delta={{ ops: [] }} />);
    expect(screen.getByText('这个页面还没有内容')).toBeTruthy();
  });
});

describe('HighlightText', () => {
  it('emphasises exactly the hit ranges', () => {
    const { container } = render(<HighlightText text='年终奖金按绩效发放' ranges={[[2, 2]]} />);
    expect(Array.from(container.querySelectorAll('.kb-hit')).map((e) => e.textContent)).toEqual(['奖金']);
  });
});
