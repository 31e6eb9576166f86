/** Medians and 95th percentiles of repeated timings, in milliseconds. */
export interface Summary {
  median: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest sample with at least `fraction` of the samples at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), runs: sorted.length };
}

export async function timeOnce(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Times two ways of doing the same thing turn about (A, B, A, B…), so both meet the same noise
 * from the other work on a shared machine, after a few warm-up rounds that are not counted.
 */
export async function timePair(
  a: (round: number) => unknown,
  b: (round: number) => unknown,
  options: { warmup: number; runs: number },
): Promise<{ a: Summary; b: Summary }> {
  for (let round = 0; round < options.warmup; round += 1) {
    await a(round);
    await b(round);
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let round = 0; round < options.runs; round += 1) {
    timesA.push(await timeOnce(() => a(round)));
    timesB.push(await timeOnce(() => b(round)));
  }
  return { a: summarise(timesA), b: summarise(timesB) };
}
