import { checkArgument } from "../errors/checkArgument.js";
// Seeded random numbers for simulations. Never Math.random: the same seed must give the same draws, on every
// run and every machine, so that a simulation can be reproduced, reviewed and put in a test.
//
// Draws are floats (they are random numbers, not money). Each one is turned into an exact decimal attainment
// on a fixed grid (see `attainmentOf`) before any money is computed from it.
import { CompplanError } from "../errors/index.js";
import type { DecimalInput } from "../money/index.js";
import { simulateArg, simulateError } from "./simulateArgs.js";

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A seeded generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128 bits of state, passes
 * PractRand), its state filled from the seed by splitmix32. 32-bit integer arithmetic only, so the sequence is
 * the same on every JavaScript engine.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // 0.7445…, the same on every run
 * ```
 */
export function seededRandom(seed: number): Random {
  checkArgument("seededRandom", "seed", seed, "number");
  if (!Number.isInteger(seed))
    throw new CompplanError("SIMULATE_INVALID", `seed: expected an integer, got ${seed}`);
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up: the first outputs of a counting generator are correlated
  return next;
}

/**
 * How attainment is drawn for each participant-year. `mean` and `sd` are of the attainment itself (1 = 100%),
 * for both kinds: a lognormal with mean 1 and sd 0.3 has those moments, skewed to the right and never negative.
 * `resample` draws, with replacement, from attainments seen in earlier years.
 */
export type AttainmentDistribution =
  | { kind: "normal"; mean: DecimalInput; sd: DecimalInput }
  | { kind: "lognormal"; mean: DecimalInput; sd: DecimalInput }
  | { kind: "resample"; history: readonly DecimalInput[] };

/** A distribution ready to draw from: returns attainments as floats (a normal draw may be below zero). */
export type Sampler = (random: Random) => number;

/**
 * Prepares a distribution for drawing. A normal draw can fall below zero; the simulation counts such a draw as
 * zero attainment (nobody sells less than nothing over a year) and says how often it happened.
 *
 * @example
 * ```ts
 * const { draw } = sampler({ kind: "lognormal", mean: 1, sd: 0.3 });
 * draw(seededRandom(1)); // 0.93…
 * ```
 */
export function sampler(distribution: AttainmentDistribution): { draw: Sampler; describe: string } {
  checkArgument("sampler", "distribution", distribution, "object");
  if (distribution.kind === "resample") {
    const history = distribution.history.map((h, i) => {
      const d = simulateArg(h, `history[${i}]`);
      if (d.isNegative()) throw simulateError(`history[${i}]: an attainment cannot be negative, got ${d}`);
      return d.toNumber();
    });
    if (history.length === 0) throw simulateError("history: give at least one past attainment to resample");
    return {
      draw: (random) => history[Math.floor(random() * history.length)] as number,
      describe: `resampled from ${history.length} past attainment${history.length === 1 ? "" : "s"}`,
    };
  }
  const mean = simulateArg(distribution.mean, "mean").toNumber();
  const sd = simulateArg(distribution.sd, "sd").toNumber();
  if (sd < 0) throw simulateError(`sd: expected zero or more, got ${sd}`);
  if (distribution.kind === "normal") {
    return {
      draw: (random) => mean + sd * standardNormal(random),
      describe: `normal, mean ${mean}, sd ${sd}`,
    };
  }
  if (distribution.kind === "lognormal") {
    if (mean <= 0) throw simulateError(`mean: a lognormal attainment needs a mean above zero, got ${mean}`);
    // Moments of the attainment → parameters of its logarithm.
    const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
    const mu = Math.log(mean) - sigma2 / 2;
    const sigma = Math.sqrt(sigma2);
    return {
      draw: (random) => Math.exp(mu + sigma * standardNormal(random)),
      describe: `lognormal, mean ${mean}, sd ${sd}`,
    };
  }
  throw simulateError(
    `distribution: expected normal, lognormal or resample, got ${(distribution as { kind: string }).kind}`,
  );
}

// Box–Muller with both uniforms drawn each time (no cached second value), so each draw consumes exactly two
// numbers and a draw's value never depends on whether the previous call used the spare.
function standardNormal(random: Random): number {
  const u = 1 - random(); // (0, 1]: log(0) is not a number
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The grid point a float draw lands on: `round(x × 10^scale)`, an integer. The attainment used for money is
 * exactly that integer ÷ 10^scale, as a Decimal.
 *
 * @example
 * ```ts
 * gridPoint(1.234567, 4); // 12346 → attainment 1.2346
 * ```
 */
export function gridPoint(x: number, scale: number): number {
  checkArgument("gridPoint", "x", x, "number");
  checkArgument("gridPoint", "scale", scale, "number");
  return Math.round(x * 10 ** scale);
}
