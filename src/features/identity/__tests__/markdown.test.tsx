import { render, screen } from '@testing-library/react';
import { MarkdownView } from '../components/markdown-view';
import { parseInline, parseMarkdown } from '../services/markdown';

const AGREEMENT = `# 知享服务协议

## 九、免责与责任限制

普通条款的文字。**知享对因不可抗力导致的服务中止不承担责任。**后面的文字。

- 第一项
- **第二项（重点）**

| 信息 | 用途 |
|---|---|
| 手机号码 | **登录** |
`;

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, list items and table rows', () => {
    const blocks = parseMarkdown(AGREEMENT);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph', 'item', 'item', 'row', 'row']);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(blocks[5]).toMatchObject({ kind: 'row', header: true });
    expect(blocks[6]).toMatchObject({ kind: 'row', header: false });
  });

  it('marks **bold** spans as strong and keeps the rest plain', () => {
    expect(parseInline('前文**重点条款**后文')).toEqual([
      { text: '前文', strong: false },
      { text: '重点条款', strong: true },
      { text: '后文', strong: false },
    ]);
  });

  it('leaves an unpaired ** as literal text instead of bolding the rest of the line', () => {
    expect(parseInline('a**b**c**d')).toEqual([
      { text: 'a', strong: false },
      { text: 'b', strong: true },
      { text: 'c**d', strong: false },
    ]);
  });
});

describe('MarkdownView', () => {
  it('shows key clauses emphasised, and only them', () => {
    render(<MarkdownView source={AGREEMENT} />);
    const strong = screen.getAllByTestId('md-strong').map((el) => el.textContent);
    expect(strong).toEqual(['知享对因不可抗力导致的服务中止不承担责任。', '第二项（重点）', '登录']);
    expect(screen.getByText('普通条款的文字。')).not.toHaveAttribute('data-testid', 'md-strong');
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual(['知享服务协议', '九、免责与责任限制']);
  });

  it('renders markup in a text as text, never as HTML', () => {
    const { container } = render(<MarkdownView source={'<img src=x onerror="alert(1)"> **<b>x</b>**'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x');
  });
});
