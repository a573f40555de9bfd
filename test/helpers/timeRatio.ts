/**
 * Timing for the scaling tests (n against 10n), which assert a ratio, never an absolute time. The machine is
 * shared and noisy: each side is its best of three runs (the least disturbed), and the ratio is measured again,
 * up to three attempts, while it is at or above the bound, so one collector pause or busy core cannot fail a
 * test, while a quadratic cost (10n taking ~100× n) still fails every attempt.
 *
 * @param large - the work on the larger input.
 * @param small - the same work on the smaller input.
 * @param bound - the ratio the test asserts it stays below.
 * @returns the smallest ratio measured.
 * @example
 * ```ts
 * expect(timeRatio(() => rollup(chain(20_000)), () => rollup(chain(2_000)), 40)).toBeLessThan(40);
 * ```
 */
export function timeRatio(large: () => void, small: () => void, bound: number): number {
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && ratio >= bound; attempt++) {
    ratio = Math.min(ratio, bestOf3(large) / bestOf3(small));
  }
  return ratio;
}

function bestOf3(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    work();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
