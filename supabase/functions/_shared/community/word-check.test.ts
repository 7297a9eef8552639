import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { deltaText, normalizeText, WordMatcher } from './word-check.ts';

Deno.test('normalisation folds width, case, traditional characters, spaces and punctuation', () => {
  assertEquals(normalizeText('賭 博！'), '赌博');
  assertEquals(normalizeText('ＡＢＣ　１２３'), 'abc123');
  assertEquals(normalizeText('代-开.发\u200b票'), '代开发票');
});

Deno.test('the matcher finds list entries hidden by spacing, width and traditional forms', () => {
  const m = new WordMatcher(['赌博', '代开发票', 'VX群']);
  assertEquals(m.find('周末一起 賭 博 吗'), ['赌博']);
  assertEquals(m.find('专业代·开·发·票'), ['代开发票']);
  assertEquals(m.find('加我ｖｘ群'), ['vx群']);
  assertEquals(m.find('今天的团建很开心'), []);
});

Deno.test('an empty list matches nothing; a delta gives its string inserts', () => {
  assertEquals(new WordMatcher([' ', '']).find('赌博'), []);
  assertEquals(deltaText({ ops: [{ insert: '你好' }, { insert: { image: 'x.png' } }, { insert: '\n' }] }), '你好\n');
});

Deno.test('overlapping and nested entries are all found', () => {
  const m = new WordMatcher(['赌博', '网络赌博', '博彩']);
  assertEquals(m.find('网络赌博彩票').sort(), ['博彩', '网络赌博', '赌博'].sort());
});
