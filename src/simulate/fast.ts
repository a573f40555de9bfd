import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
// The fast path of a simulation: a participant-year's pay, in minor units (cents), at an attainment on the grid
// k / 10^scale, in a few float operations, and provably the same cents as the Decimal model.
//
// Why it is the same: between two breakpoints (band edges, gates, curve points) a part's earnings are a linear
// function of the attainment. Its two coefficients are measured once per segment from the Decimal model itself,
// at two grid points inside the segment. A float evaluation of that line is then within a tiny, bounded error
// (about 1e-16 relative) of the exact earnings. Rounding to cents, a cap or a floor can only go a different way
// than the exact arithmetic would if the exact value lies within that error of a boundary (a half cent, a cap);
// whenever the float value comes within a far wider tolerance (1e-9 relative) of one, or of a breakpoint, the
// fast path declines and the Decimal model decides. So the fast path either returns exactly the model's cents
// or nothing. A property test holds it to that on random attainments of every plan template.
import { CompplanError } from "../errors/index.js";
import { Decimal, roundMoney } from "../money/index.js";
import { bound } from "../reward/index.js";
import type { PlanModel } from "./model.js";
import { checkModel } from "./model.js";

/** A participant-year's pay per component, in minor units, at grid point k (attainment k ÷ 10^scale). */
export interface FastEvaluator {
  (k: number): number[];
  /** How many parts the Decimal model decided so far (near a boundary, or a segment too short to measure). */
  readonly exactParts: number;
  /** How many parts were evaluated in all. */
  readonly parts: number;
}

interface Line {
  c0: number;
  c1: number;
  /**
   * The same line in integers, when its coefficients have few decimals and the part computes exactly: the
   * earnings in minor units are (C0 + C1 × k) ÷ D exactly, and so is every comparison and rounding.
   */
  whole?: { C0: number; C1: number; D: number; capAbove: number; floorBelow: number };
}

// Parts the Decimal model decided, remembered per grid point up to this many per part.
const MAX_REMEMBERED = 50_000;

/**
 * Prepares the fast path for a model on an attainment grid of `scale` decimals.
 *
 * @example
 * ```ts
 * const fast = fastEvaluator(model, 4);
 * fast(10500); // minor units per component at 105%, the same as model.at(1.05) rounded
 * ```
 */
export function fastEvaluator(model: PlanModel, scale: number): FastEvaluator {
  checkModel("fastEvaluator", "model", model);
  checkArgument("fastEvaluator", "scale", scale, "integer");
  if (scale < 0 || scale > 15)
    throw new ArgumentError("fastEvaluator", "scale", "0 to 15 decimal places", scale);
  const grid = 10 ** scale;
  const unit = 10 ** model.rounding.scale;
  const mode = model.rounding.mode;
  const toMinor = (d: Decimal) => {
    const x = d.times(unit).toNumber();
    if (!Number.isSafeInteger(x))
      throw new CompplanError("SIMULATE_RANGE", `an amount of ${d} is too large to simulate`);
    return x;
  };
  const minor = (d: Decimal) => toMinor(roundMoney(d, model.rounding));
  let exactParts = 0;
  let evaluated = 0;
  const components = model.components.map((c) => {
    // Breakpoints in grid units, sorted; a k within tolerance of one goes to the Decimal model.
    const positions = c.breakpoints.map((b) => b.attainment.times(grid).toNumber());
    return c.parts.map((part) => {
      const lines: (Line | null | undefined)[] = [];
      // The line of segment s (between positions[s-1] and positions[s]), measured at two interior grid points.
      const line = (s: number): Line | null => {
        const cached = lines[s];
        if (cached !== undefined) return cached;
        const lo = s === 0 ? 0 : Math.floor(positions[s - 1] as number) + 1;
        const hi = s === positions.length ? lo + grid : Math.ceil(positions[s] as number) - 1;
        let result: Line | null = null;
        if (hi > lo && Number.isSafeInteger(hi)) {
          // Two neighbouring grid points: the slope is then their difference, exact when the earnings are.
          const e1 = part.earned(aOf(lo, scale));
          const slope = part.earned(aOf(lo + 1, scale)).minus(e1);
          const c1 = slope.times(unit);
          const c0 = e1.minus(slope.times(lo)).times(unit);
          result = { c1: c1.toNumber(), c0: c0.toNumber() };
          const d = Math.max(c0.decimalPlaces(), c1.decimalPlaces());
          if (part.exact && d <= 6) {
            const D = 10 ** d;
            const C0 = c0.times(D).toNumber();
            const C1 = c1.times(D).toNumber();
            if (Math.abs(C0) < 2 ** 50 && Math.abs(C1) < 2 ** 50) {
              // bound(): capped when X > cap × D, i.e. X > ⌊cap × D⌋; floored when X < floor × D, i.e. X < ⌈floor × D⌉.
              result.whole = {
                C0,
                C1,
                D,
                capAbove: part.cap
                  ? part.cap.amount.times(unit).times(D).floor().toNumber()
                  : Number.POSITIVE_INFINITY,
                floorBelow: part.floor
                  ? part.floor.amount.times(unit).times(D).ceil().toNumber()
                  : Number.NEGATIVE_INFINITY,
              };
            }
          }
        }
        lines[s] = result;
        return result;
      };
      // The Decimal model's answer for this part, exactly as ComponentModel.at computes it.
      const remembered = new Map<number, number>();
      const limits = {
        ...(part.cap ? { cap: part.cap } : {}),
        ...(part.floor ? { floor: part.floor } : {}),
      };
      const exact = (k: number): number => {
        const known = remembered.get(k);
        if (known !== undefined) return known;
        exactParts++;
        const cents = minor(bound(part.earned(aOf(k, scale)), limits).value) * part.count;
        if (remembered.size < MAX_REMEMBERED) remembered.set(k, cents);
        return cents;
      };
      const cap = part.cap
        ? { at: part.cap.amount.times(unit).toNumber(), paid: minor(part.cap.amount) }
        : undefined;
      const floor = part.floor
        ? { at: part.floor.amount.times(unit).toNumber(), paid: minor(part.floor.amount) }
        : undefined;

      return (k: number): number => {
        evaluated++;
        // Which segment: the number of breakpoints below k (none may be within tolerance of k).
        let s = 0;
        for (; s < positions.length; s++) {
          const pos = positions[s] as number;
          if (Math.abs(k - pos) <= 1e-6 * (1 + pos)) return exact(k);
          if (pos > k) break;
        }
        const l = line(s);
        if (!l) return exact(k);
        if (l.whole) {
          const w = l.whole;
          const slope = w.C1 * k;
          const X = w.C0 + slope;
          if (Number.isSafeInteger(slope) && Number.isSafeInteger(X) && X >= 0) {
            if (X > w.capAbove) return (cap as { paid: number }).paid * part.count;
            if (X < w.floorBelow) return (floor as { paid: number }).paid * part.count;
            return wholeRound(X, w.D, mode) * part.count;
          }
        }
        const x = l.c0 + l.c1 * k;
        const tol = 1e-9 * (1 + Math.abs(l.c0) + Math.abs(l.c1 * k));
        // bound(): above the cap pays the cap, else below the floor pays the floor, else the earnings. Near a
        // limit either side may apply; that is only safe when both sides round to the same minor units (a
        // curve that runs flat exactly at its cap).
        let cents: number | undefined;
        if (cap && x > cap.at + tol) cents = cap.paid;
        else if (floor && x < floor.at - tol) cents = floor.paid;
        else {
          cents = round(x, mode, tol);
          if (cap && x >= cap.at - tol && cents !== cap.paid) return exact(k);
          if (floor && x <= floor.at + tol && cents !== floor.paid) return exact(k);
        }
        return cents === undefined ? exact(k) : cents * part.count;
      };
    });
  });

  const evaluate = (k: number): number[] => {
    const out: number[] = [];
    for (const parts of components) {
      let paid = 0;
      for (const part of parts) paid += part(k);
      out.push(paid);
    }
    return out;
  };
  return Object.defineProperties(evaluate, {
    exactParts: { get: () => exactParts },
    parts: { get: () => evaluated },
  }) as FastEvaluator;
}

// Rounds X ÷ D (X ≥ 0, both integers) to a whole number of minor units as the plan rounds: exact.
function wholeRound(X: number, D: number, mode: string): number {
  const r = X % D;
  const n = (X - r) / D;
  if (mode === "half-up") return 2 * r >= D ? n + 1 : n;
  if (mode === "half-even") return 2 * r > D || (2 * r === D && n % 2 === 1) ? n + 1 : n;
  if (mode === "down") return n;
  return r > 0 ? n + 1 : n;
}

// Rounds a non-negative amount in minor units as the plan rounds, or undefined when it is too close to call.
function round(x: number, mode: string, tol: number): number | undefined {
  if (x < -tol) return undefined;
  const n = Math.floor(x);
  const frac = x - n;
  if (mode === "half-up" || mode === "half-even") {
    if (Math.abs(frac - 0.5) <= tol) return undefined;
    return frac > 0.5 ? n + 1 : n;
  }
  // "down" and "up": close to a whole number of minor units only a Decimal can say which side it is on.
  if (frac <= tol || frac >= 1 - tol) return undefined;
  return mode === "down" ? n : n + 1;
}

const steps = Array.from({ length: 9 }, (_, i) => new Decimal(10).pow(-i));

/** The exact attainment of grid point k: k ÷ 10^scale (scale 0 to 8). */
export function aOf(k: number, scale: number): Decimal {
  return new Decimal(k).times(steps[scale] ?? new Decimal(10).pow(-scale));
}
