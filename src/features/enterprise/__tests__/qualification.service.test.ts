import { base64Ascii, qrSvg, utf8 } from '../components/qr-code';
import { checkFile, objectPathFor } from '../services/qualification.service';

describe('qualification upload helpers', () => {
  const eid = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('puts every object inside the enterprise folder under an ASCII name the table accepts', () => {
    const path = objectPathFor(eid, 'business_licence', '营业执照 扫描件.JPEG', 1700000000000);
    expect(path).toBe(`${eid}/business_licence-1700000000000.jpg`);
    // the same format check as qualification_documents.object_path
    expect(path).toMatch(/^[0-9a-f-]{36}\/[^/]{1,200}$/);
    expect(objectPathFor(eid, 'legal_rep_id', 'id.pdf', 1)).toBe(`${eid}/legal_rep_id-1.pdf`);
  });

  it('accepts images and PDF up to 10 MB only', () => {
    expect(checkFile({ path: 'x', name: 'a.png', size: 10 * 1024 * 1024 })).toBeNull();
    expect(checkFile({ path: 'x', name: 'a.docx', size: 10 })).toContain('仅支持');
    expect(checkFile({ path: 'x', name: 'a.pdf', size: 10 * 1024 * 1024 + 1 })).toContain('10 MB');
  });
});

describe('QR image', () => {
  it('encodes base64 exactly as the platform would (mini-programs have no btoa)', () => {
    for (const s of ['', 'a', 'ab', 'abc', '<svg viewBox="0 0 1 1"/>']) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'));
  });

  it('encodes UTF-8 like the platform encoder', () => {
    for (const s of ['ABCD2345', '邀请', 'é😀']) expect(Buffer.from(utf8(s)).toString('hex')).toBe(Buffer.from(s, 'utf8').toString('hex'));
  });

  it('draws a square symbol with a quiet zone for the invitation link', () => {
    const svg = qrSvg('https://example.com/#/packages/enterprise/join/index?code=ABCD2345');
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
    expect(w).toBe(h);
    // version 4+ for a link of this length: 33 modules + 2×2 quiet zone
    expect(Number(w)).toBeGreaterThanOrEqual(37);
    expect(svg).toMatch(/<path d="M\d/);
  });
});
