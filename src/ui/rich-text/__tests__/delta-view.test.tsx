import { createEvent, fireEvent, render, screen } from '@testing-library/react';
import { DeltaView } from '../delta-view';

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

  it('makes http(s) and mailto links followable and leaves a javascript: link as plain text', () => {
    render(<DeltaView delta={{ ops: [
      { insert: '制度', attributes: { link: 'https://hr.example.com/rules' } }, { insert: ' ' },
      { insert: '陷阱', attributes: { link: 'javascript:alert(document.cookie)' } }, { insert: '\n' },
    ] }} />);
    expect(screen.getByText('制度').getAttribute('role')).toBe('link');
    expect(screen.getByText('制度').getAttribute('data-href')).toBe('https://hr.example.com/rules');
    expect(screen.getByText('陷阱').getAttribute('role')).toBeNull();
    expect(document.body.innerHTML).not.toContain('javascript:');
  });

  it('numbers ordered lists, marks headings for screen readers and lays tables out in rows', () => {
    render(<DeltaView delta={{ ops: [
      { insert: '流程' }, { insert: '\n', attributes: { header: 2 } },
      { insert: '申请\n', attributes: undefined }, { insert: '审批' }, { insert: '\n', attributes: { list: 'ordered' } },
      { insert: '归档' }, { insert: '\n', attributes: { list: 'ordered' } },
      { insert: '岗位' }, { insert: '\n', attributes: { table: 'r1' } }, { insert: '人数' }, { insert: '\n', attributes: { table: 'r1' } },
    ] }} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('流程');
    expect(screen.getByText('2.')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(1);
    expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual(['岗位', '人数']);
  });

  it('refuses copying when the space restricts it', () => {
    const { rerender } = render(<DeltaView delta={{ ops: [{ insert: '机密\n' }] }} noCopy testId='doc' />);
    const doc = screen.getByTestId('doc');
    const copy = createEvent.copy(doc);
    fireEvent(doc, copy);
    expect(copy.defaultPrevented).toBe(true);
    expect(doc.className).toContain('rt-no-copy');
    rerender(<DeltaView delta={{ ops: [{ insert: '公开\n' }] }} testId='doc' />);
    const free = createEvent.copy(screen.getByTestId('doc'));
    fireEvent(screen.getByTestId('doc'), free);
    expect(free.defaultPrevented).toBe(false);
  });

  it('says so when there is nothing to show', () => {
    render(<DeltaView delta={{ ops: [] }} emptyText='这个页面还没有内容' />);
    expect(screen.getByText('这个页面还没有内容')).toBeTruthy();
  });
});
