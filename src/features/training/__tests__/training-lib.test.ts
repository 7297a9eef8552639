import { recentMonths } from '../components/leaderboard-filters';
import { csvToImportRows, parseCsv, QUESTION_TEMPLATE_CSV } from '../lib/csv';
import { drawCertificate } from '../lib/certificate-image';
import { formatRemaining, remainingMs } from '../lib/countdown';

describe('question import CSV', () => {
  it('reads the template as Excel saves it (BOM, CRLF, quoted commas)', () => {
    const rows = csvToImportRows(QUESTION_TEMPLATE_CSV);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual({ kind: '多选', stem: '哪些属于敏感信息？', options: '身份证号|公司地址|客户手机号', answer: 'A,C', category: '合规', difficulty: '2' });
    expect(rows[3].answer).toBe('2FA|MFA');
  });

  it('keeps quotes and line breaks inside quoted cells; skips blank lines', () => {
    expect(parseCsv('a,b\n"x ""y""","多\n行"\n\n')).toEqual([['a', 'b'], ['x "y"', '多\n行']]);
  });

  it('refuses a file without the 题干 header', () => {
    expect(() => csvToImportRows('a,b\n1,2')).toThrow('题干');
  });
});

describe('exam countdown (server clock)', () => {
  const clock = { deadlineAt: '2026-12-06T10:30:00Z', serverNow: '2026-12-06T10:00:00Z', receivedAt: 5_000 };

  it('counts from the server’s answer, whatever the device clock says', () => {
    expect(remainingMs(clock, 5_000)).toBe(30 * 60_000);
    expect(remainingMs(clock, 65_000)).toBe(29 * 60_000);
    expect(remainingMs(clock, 10_000_000)).toBe(0);
    expect(remainingMs(clock, 0)).toBe(30 * 60_000); // a device clock set back gains nothing
  });

  it('formats mm:ss and h:mm:ss', () => {
    expect(formatRemaining(29 * 60_000 + 5_500)).toBe('29:06');
    expect(formatRemaining(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatRemaining(0)).toBe('00:00');
  });
});

describe('certificate picture', () => {
  it('draws the holder, the course, the Shanghai date, the serial and the grouped verification code', () => {
    const texts: string[] = [];
    const ctx = {
      fillStyle: '', strokeStyle: '', lineWidth: 0, font: '', textAlign: 'left' as const, textBaseline: 'alphabetic' as const,
      fillRect: () => undefined, strokeRect: () => undefined, fillText: (t: string) => void texts.push(t),
    };
    drawCertificate(ctx, {
      holder_name: '李学员', title: '信息安全合规培训', score: 95, issued_at: '2026-12-06T17:30:00Z', serial: 'ZX20261207-ABCDEFGH', verification_code: 'ABCDEFGHJKMN',
    });
    expect(texts).toEqual(expect.arrayContaining(['李学员', '《信息安全合规培训》', '2026年12月07日', '证书编号 ZX20261207-ABCDEFGH', '验证码 ABCD-EFGH-JKMN']));
  });
});

describe('recentMonths', () => {
  it('counts months in the Shanghai calendar, as the server’s leaderboard does', () => {
    // 2026-01-31 17:00 UTC is already 1 February in Shanghai
    expect(recentMonths(Date.UTC(2026, 0, 31, 17))).toEqual([
      { value: '2026-02-01', label: '本月' }, { value: '2026-01-01', label: '1 月' }, { value: '2025-12-01', label: '12 月' },
    ]);
  });
});
