import { deepStrictEqual as assertEquals, ok as assert } from 'node:assert/strict';

const assertStringIncludes = (s: string, part: string) => assert(s.includes(part), `${part} not in the SVG`);
import { certificateSvg, shanghaiDate } from './svg.ts';

Deno.test('the certificate escapes the holder name and the title, and groups the code', () => {
  const svg = certificateSvg({
    serial: 'ZX20261206-ABCDEFGH', verification_code: 'ABCDEFGHJKMN', holder_name: '<李>&"四"', title: '安全</text><script>',
    score: 95, issued_at: '2026-12-06T17:30:00Z',
  });
  assertStringIncludes(svg, '&lt;李&gt;&amp;&quot;四&quot;');
  assert(!svg.includes('<script>'));
  assertStringIncludes(svg, '验证码 ABCD-EFGH-JKMN');
  assertStringIncludes(svg, '2026年12月07日'); // 17:30 UTC is the next day in Shanghai
});

Deno.test('dates are Shanghai dates', () => {
  assertEquals(shanghaiDate('2026-01-31T15:59:59Z'), '2026年01月31日');
  assertEquals(shanghaiDate('2026-01-31T16:00:00Z'), '2026年02月01日');
});
