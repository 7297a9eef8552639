// Percentiles and small number helpers for the bench.

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const round = (n, digits = 3) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** Milliseconds elapsed since a process.hrtime.bigint() mark. */
export const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Seconds per phase of a load: `mark(name)` records the phase that ran since the previous mark (or the start). */
export function phaseClock() {
  const phases = {};
  let t = process.hrtime.bigint();
  const mark = (name) => {
    phases[name] = round(msSince(t) / 1000, 1);
    t = process.hrtime.bigint();
  };
  return { phases, mark };
}
