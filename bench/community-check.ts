// The publishing check's matching cost (community.publish_check.*): the edge function's own
// normaliser and matcher (supabase/functions/_shared/community/word-check.ts) on a 5,000-character
// post against a 10,000-entry list. Run by bench/lib/community.mjs with Deno; prints one JSON line.
import { normalizeText, WordMatcher } from '../supabase/functions/_shared/community/word-check.ts';

const WORDS = Number(Deno.args[0] ?? 10_000);
const CHARS = Number(Deno.args[1] ?? 5_000);
const RUNS = Number(Deno.args[2] ?? 200);

// Deterministic pseudo-random CJK (U+4E00–U+9FFF) so every run matches the same text against the same list.
// mulberry32: 32-bit state, so every step stays exact in integer arithmetic.
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const cjk = () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5200));
const words = Array.from({ length: WORDS }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, cjk).join(''));
const parts: string[] = [];
let length = 0;
while (length < CHARS) {
  const piece = rnd() < 0.1 ? '，' : rnd() < 0.05 ? ' ' : rnd() < 0.02 ? words[Math.floor(rnd() * WORDS)] : cjk();
  parts.push(piece);
  length += piece.length;
}
const text = parts.join('').slice(0, CHARS);

let t = performance.now();
const matcher = new WordMatcher(words);
const buildMs = performance.now() - t;
const ms: number[] = [];
let hits = 0;
for (let i = 0; i < RUNS + 20; i++) {
  t = performance.now();
  hits = matcher.find(text).length;
  if (i >= 20) ms.push(performance.now() - t);
}
const normalizeMs: number[] = [];
for (let i = 0; i < 50; i++) {
  t = performance.now();
  normalizeText(text);
  normalizeMs.push(performance.now() - t);
}
// Reference: one Map lookup per character of the same text, the floor of any per-character scan
// (the machine is shared, so the ratio says more than the absolute time).
const firstChars = new Map(words.map((w) => [w[0], 1]));
const loopMs: number[] = [];
for (let i = 0; i < RUNS + 20; i++) {
  t = performance.now();
  let n = 0;
  for (let j = 0; j < text.length; j++) n += firstChars.get(text[j]) ?? 0;
  if (i >= 20 && n >= 0) loopMs.push(performance.now() - t);
}
const pct = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length, Math.max(1, Math.ceil((p / 100) * a.length))) - 1];
console.log(JSON.stringify({
  words: matcher.size, chars: text.length, runs: RUNS, hits, build_ms: buildMs,
  p50: pct(ms, 50), p95: pct(ms, 95), normalize_p50: pct(normalizeMs, 50), loop_p50: pct(loopMs, 50),
}));
