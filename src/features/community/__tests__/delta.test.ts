import { excerpt } from '../lib/delta';

describe('community excerpts', () => {
  it('fold whitespace and cut long text', () => {
    expect(excerpt('  一行\n\n两行  ')).toBe('一行 两行');
    expect(excerpt('长'.repeat(100), 10)).toBe(`${'长'.repeat(10)}…`);
  });
});
