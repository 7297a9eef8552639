import { deltaText, deltaToBlocks, safeLink, safeMedia } from '../delta';
import { cleanDelta, FORMAT_TOOLS, MediaMap, nextValue } from '../toolbar';

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
    expect(safeMedia('http://insecure.example.com/a.png')).toBeNull();
  });

  it('tolerates anything that is not a Delta', () => {
    expect(deltaToBlocks(null)).toEqual([]);
    expect(deltaToBlocks({ ops: 'x' })).toEqual([]);
    expect(deltaToBlocks({ ops: [null, 3, { insert: 5 }] })).toEqual([]);
  });
});

describe('links', () => {
  it('follows only http(s) and mailto; every other scheme is shown as plain text', () => {
    expect(safeLink('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLink('http://intranet.example.com')).toBe('http://intranet.example.com');
    expect(safeLink('mailto:hr@example.com')).toBe('mailto:hr@example.com');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x',
      'file:///etc/passwd', '//evil.example.com', 'https://a.com/"onmouseover="x', 'tel:123', 'mailto:a@b.com?subject=<x>', 42, null]) {
      expect(safeLink(bad)).toBeNull();
    }
    const blocks = deltaToBlocks({ ops: [
      { insert: '邮件', attributes: { link: 'mailto:hr@example.com' } }, { insert: ' ' },
      { insert: '脚本', attributes: { link: 'javascript:alert(1)', bold: true } }, { insert: '\n' },
    ] });
    expect(blocks).toEqual([{ type: 'paragraph', runs: [{ text: '邮件', link: 'mailto:hr@example.com' }, { text: ' ' }, { text: '脚本', bold: true }] }]);
  });

  it('keeps media only as https or a storage reference without path tricks', () => {
    expect(safeMedia('kb/0b6f3c9e-0000-4000-8000-000000000001/0b6f3c9e-0000-4000-8000-000000000002/image-1.png')).not.toBeNull();
    expect(safeMedia('kb/../other/x.png')).toBeNull();
    expect(safeMedia('javascript:alert(1)')).toBeNull();
    expect(safeMedia('/etc/passwd')).toBeNull();
  });
});

describe('tables', () => {
  it('groups Quill table lines into rows by their row id', () => {
    const blocks = deltaToBlocks({ ops: [
      { insert: '姓名' }, { insert: '\n', attributes: { table: 'row-a' } }, { insert: '工号' }, { insert: '\n', attributes: { table: 'row-a' } },
      { insert: '张伟' }, { insert: '\n', attributes: { table: 'row-b' } }, { insert: '\n', attributes: { table: 'row-b' } },
      { insert: '表后\n' },
    ] });
    expect(blocks).toEqual([
      { type: 'table', rows: [[[{ text: '姓名' }], [{ text: '工号' }]], [[{ text: '张伟' }], []]] },
      { type: 'paragraph', runs: [{ text: '表后' }] },
    ]);
  });
});

describe('the plain-text copy', () => {
  it('matches what the server keeps (kb_delta_text: string inserts, an embed as a space)', () => {
    expect(deltaText({ ops: [{ insert: '标题' }, { insert: '\n', attributes: { header: 1 } }, { insert: { image: 'https://x.example/a.png' } }, { insert: '正文\n' }] }))
      .toBe('标题\n 正文\n');
    expect(deltaText(null)).toBe('');
  });
});

describe('the editor toolbar', () => {
  const tool = (id: string) => FORMAT_TOOLS.find((t) => t.id === id)!;
  it('turns a format on, or off when the selection already has it', () => {
    expect(nextValue(tool('h2'), {})).toBe(2);
    expect(nextValue(tool('h2'), { header: 2 })).toBe(false);
    expect(nextValue(tool('h1'), { header: 2 })).toBe(1);
    expect(nextValue(tool('bold'), { bold: true })).toBe(false);
    expect(nextValue(tool('ordered'), { list: 'bullet' })).toBe('ordered');
    expect(nextValue(tool('bullet'), { list: 'bullet' })).toBe(false);
  });

  it('offers the mini-program editor only formats it has (no quote or code block there)', () => {
    expect(FORMAT_TOOLS.filter((t) => t.h5Only).map((t) => t.name)).toEqual(['blockquote', 'code-block']);
  });

  it('stores images by their storage reference, not the signed link the editor shows', () => {
    const map = new MediaMap();
    const ref = 'kb/e/p/image-1.png';
    map.add(ref, 'http://localhost/storage/v1/object/sign/kb/e/p/image-1.png?token=t');
    const shown = map.display({ ops: [{ insert: { image: ref } }, { insert: '\n' }] });
    expect(shown.ops[0]).toEqual({ insert: { image: 'http://localhost/storage/v1/object/sign/kb/e/p/image-1.png?token=t' } });
    expect(map.stored(shown)).toEqual({ ops: [{ insert: { image: ref } }, { insert: '\n' }] });
  });

  it('drops what the mini-program editor adds that pages do not keep', () => {
    expect(cleanDelta({ ops: [
      { insert: { image: 'kb/e/p/a.png' }, attributes: { width: '100%', 'data-custom': 'id=1', alt: '图片' } },
      { insert: '文字', attributes: { bold: true, color: '#f00', link: 'https://a.example' } },
      { insert: '\n', attributes: { header: 1, align: 'center' } },
    ] as never })).toEqual({ ops: [
      { insert: { image: 'kb/e/p/a.png' }, attributes: { alt: '图片' } },
      { insert: '文字', attributes: { bold: true, link: 'https://a.example' } },
      { insert: '\n', attributes: { header: 1 } },
    ] });
  });
});
