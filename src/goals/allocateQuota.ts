import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { Decimal, type DecimalInput, formatNumber, ONE, ZERO } from "../money/index.js";
import { decimalArg, integerArg, nonNegativeArg } from "./args.js";

/**
 * The stable error code when no allocation can satisfy the minimums and maximums.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof CompplanError && e.code === ALLOCATION_INFEASIBLE) console.error(e.message); }
 * ```
 */
export const ALLOCATION_INFEASIBLE = "ALLOCATION_INFEASIBLE";
/**
 * The stable error code for allocation arguments that cannot be used (bad weights, ids, scale).
 *
 * @example
 * ```ts
 * allocateQuota({ total: 1, scale: 2, weights: [] }); // throws, code ALLOCATION_INVALID
 * ```
 */
export const ALLOCATION_INVALID = "ALLOCATION_INVALID";

/** One participant (or team) to receive part of the total. */
export interface AllocationWeight {
  id: string;
  /** Territory potential, last year's bookings, headcount, …: only proportions matter. */
  weight: DecimalInput;
  /** Least amount to assign (default 0: quotas are never negative). Must be at the allocation's scale. */
  min?: DecimalInput | null;
  /** Most amount to assign (default none). Must be at the allocation's scale. */
  max?: DecimalInput | null;
}

/** Options of {@link allocateQuota}. */
export interface AllocateQuotaOptions {
  /** The number to allocate: a company's or a team's. */
  total: DecimalInput;
  weights: readonly AllocationWeight[];
  /** Multiplier on the total, e.g. `1.1` for reps carrying 110% of the team's number (default 1). */
  overAssignment?: DecimalInput;
  /** Decimal places of the amounts: the plan's scale (2 for cents, 0 for whole units). */
  scale: number;
}

/** One participant's allocation, as strings for a table, CSV or JSON. */
export interface AllocationRow {
  id: string;
  weight: string;
  /** weight ÷ sum of weights, rounded half-up to 10 decimals (trailing zeros dropped). */
  share: string;
  /** The exact proportional amount after min/max, before rounding to the scale. */
  exact: string;
  /** The amount assigned, at the scale. */
  amount: string;
  /** What largest remainder added to this row: one unit of the scale, or zero. */
  adjustment: string;
  /** Which bound holds this row, if one does. */
  bound: "min" | "max" | null;
}

/** The result of {@link allocateQuota}. */
export interface Allocation {
  rows: AllocationRow[];
  /** The total given. */
  total: string;
  overAssignment: string;
  /**
   * `total × overAssignment` at the scale: what the rows sum to. Rounded half-up when the product has more
   * decimals than the scale (333,333.33 × 1.1 = 366,666.663 → 366,666.66); `targetExact` then differs.
   */
  target: string;
  targetExact: string;
  /** The sum of the rows' amounts: always equal to `target`. */
  assigned: string;
  /** What largest remainder moved: `target − Σ amounts rounded down`, e.g. `"0.01"`. */
  residue: string;
}

interface Line {
  id: string;
  index: number;
  weight: Decimal;
  min: Decimal;
  max: Decimal | null;
  amount: Decimal | null;
}

/**
 * Allocates a total to participants in proportion to weights, optionally over-assigned (×1.1), within
 * per-participant minimums and maximums, at the plan's scale, so that the amounts sum **exactly** to the target.
 *
 * 1. Proportional with bounds ("clamp and redistribute"): each amount is `clamp(λ × weight, min, max)` for the
 *    one λ that makes them sum to the target. Found by iteration: split what is left among the unclamped rows by
 *    weight; if the overshoot above maximums exceeds the shortfall below minimums, the final λ can only be
 *    higher, so the rows above their maximum are clamped there for good (and symmetrically for minimums); repeat
 *    with the rest. At most one round per row.
 * 2. Largest remainder: round every exact amount down to the scale, then give one unit of the scale to the rows
 *    with the largest remainders, as many as needed to reach the target; ties go in input order. A row at a
 *    bound has no remainder (bounds are at the scale), so rounding never breaks a bound.
 *
 * Throws `ALLOCATION_INFEASIBLE` (listing every reason) when the minimums sum to more than the target, when all
 * rows have maximums that sum to less, when a minimum exceeds its maximum, or when what is left could only go to
 * rows of weight 0; `ALLOCATION_INVALID` for duplicate ids, negative or all-zero weights, or bounds with more
 * decimals than the scale.
 *
 * @example
 * ```ts
 * // 1,000,000 / 3 = 333,333.333… → 333,333.33 each, r 0.01 → the first id gets the extra cent
 * allocateQuota({ total: 1000000, scale: 2,
 *   weights: [{ id: "a", weight: 1 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }] });
 * // rows a 333333.34, b 333333.33, c 333333.33; assigned "1000000.00"; residue "0.01"
 * ```
 */
export function allocateQuota(options: AllocateQuotaOptions): Allocation {
  checkArgument("allocateQuota", "options", options, "object");
  const scale = integerArg(options.scale, "scale", 0, 30);
  const unit = new Decimal(1).div(new Decimal(10).pow(scale));
  const total = invalidOnError(() => nonNegativeArg(options.total, "total"));
  const over = invalidOnError(() => decimalArg(options.overAssignment ?? ONE, "overAssignment"));
  if (!over.isPositive() || over.isZero()) {
    throw new CompplanError(ALLOCATION_INVALID, `overAssignment must be positive, got ${over.toString()}`);
  }
  const targetExact = total.times(over);
  const target = targetExact.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const lines = parseWeights(options.weights, scale);

  const reasons: string[] = [];
  for (const l of lines) {
    if (l.max && l.min.greaterThan(l.max)) {
      reasons.push(
        `${l.id}: minimum ${formatNumber(l.min, scale)} is above maximum ${formatNumber(l.max, scale)}`,
      );
    }
  }
  const sumMin = lines.reduce((s, l) => s.plus(l.min), ZERO);
  if (sumMin.greaterThan(target)) {
    reasons.push(
      `the minimums sum to ${formatNumber(sumMin, scale)}, more than the ${formatNumber(target, scale)} to allocate`,
    );
  }
  if (lines.every((l) => l.max)) {
    const sumMax = lines.reduce((s, l) => s.plus(l.max ?? ZERO), ZERO);
    if (sumMax.lessThan(target)) {
      reasons.push(
        `the maximums sum to ${formatNumber(sumMax, scale)}, less than the ${formatNumber(target, scale)} to allocate`,
      );
    }
  }
  if (reasons.length) infeasible(reasons);

  const exact = clampAndRedistribute(lines, target, scale);

  // Largest remainder at the scale.
  const floors = exact.map((x) => x.toDecimalPlaces(scale, Decimal.ROUND_DOWN));
  const shortfall = target.minus(floors.reduce((s, f) => s.plus(f), ZERO));
  const units = shortfall.div(unit).toNumber();
  const order = exact
    .map((x, i) => ({ i, remainder: x.minus(floors[i]!) }))
    .filter((r) => !r.remainder.isZero())
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  if (!Number.isInteger(units) || units < 0 || units > order.length) {
    // Cannot happen with exact arithmetic; kept so a precision surprise fails loudly instead of drifting.
    throw new CompplanError(ALLOCATION_INVALID, `allocation could not be rounded to scale ${scale} exactly`);
  }
  const bumped = new Set(order.slice(0, units).map((r) => r.i));

  const sumWeights = lines.reduce((s, l) => s.plus(l.weight), ZERO);
  const rows: AllocationRow[] = lines.map((l, i) => {
    const x = exact[i]!;
    const adjustment = bumped.has(i) ? unit : ZERO;
    const amount = floors[i]!.plus(adjustment);
    return {
      id: l.id,
      weight: l.weight.toString(),
      share: l.weight.div(sumWeights).toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toString(),
      exact: x.toString(),
      amount: amount.toFixed(scale),
      adjustment: adjustment.toFixed(scale),
      bound: l.max && amount.equals(l.max) ? "max" : amount.equals(l.min) && !l.min.isZero() ? "min" : null,
    };
  });
  const assigned = rows.reduce((s, r) => s.plus(r.amount), ZERO);
  return {
    rows,
    total: total.toString(),
    overAssignment: over.toString(),
    target: target.toFixed(scale),
    targetExact: targetExact.toString(),
    assigned: assigned.toFixed(scale),
    residue: shortfall.toFixed(scale),
  };
}

function parseWeights(weights: readonly AllocationWeight[], scale: number): Line[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new CompplanError(ALLOCATION_INVALID, "weights: give at least one participant");
  }
  const seen = new Set<string>();
  const lines = weights.map((w, index): Line => {
    if (typeof w?.id !== "string" || w.id === "") {
      throw new CompplanError(ALLOCATION_INVALID, `weights[${index}]: id must be a non-empty string`);
    }
    if (seen.has(w.id)) throw new CompplanError(ALLOCATION_INVALID, `weights: id ${w.id} appears twice`);
    seen.add(w.id);
    const bound = (value: DecimalInput | null | undefined, what: "min" | "max"): Decimal | null => {
      if (value == null) return null;
      const d = invalidOnError(() => nonNegativeArg(value, `${w.id}: ${what}`));
      if (d.decimalPlaces() > scale) {
        throw new CompplanError(
          ALLOCATION_INVALID,
          `${w.id}: ${what} ${d.toString()} has more decimals than the scale (${scale})`,
        );
      }
      return d;
    };
    return {
      id: w.id,
      index,
      weight: invalidOnError(() => nonNegativeArg(w.weight, `${w.id}: weight`)),
      min: bound(w.min, "min") ?? ZERO,
      max: bound(w.max, "max"),
      amount: null,
    };
  });
  if (lines.every((l) => l.weight.isZero())) {
    throw new CompplanError(
      ALLOCATION_INVALID,
      "weights are all zero: there is nothing to allocate in proportion to",
    );
  }
  return lines;
}

/** The exact amounts `clamp(λ × weight, min, max)` summing to `target` (see allocateQuota). */
function clampAndRedistribute(lines: Line[], target: Decimal, scale: number): Decimal[] {
  const fixed = new Map<number, Decimal>();
  for (;;) {
    const free = lines.filter((l) => !fixed.has(l.index));
    const left = [...fixed.values()].reduce((s, v) => s.minus(v), target);
    const freeWeight = free.reduce((s, l) => s.plus(l.weight), ZERO);
    if (free.length === 0 || freeWeight.isZero()) {
      // Nothing proportional is left: free rows of weight 0 keep their minimum, and that must close the sum.
      for (const l of free) fixed.set(l.index, l.min);
      const placed = free.reduce((s, l) => s.plus(l.min), ZERO);
      if (!placed.equals(left)) {
        const names = free.map((l) => l.id);
        infeasible([
          `${formatNumber(left.minus(placed), scale)} remains to allocate, but ${
            names.length
              ? `the only participants below their maximum have weight 0 (${names.join(", ")})`
              : "every participant is at a bound"
          }`,
        ]);
      }
      break;
    }
    const proposal = free.map((l) => ({ l, x: left.times(l.weight).div(freeWeight) }));
    const above = proposal.filter((p) => p.l.max && p.x.greaterThan(p.l.max));
    const below = proposal.filter((p) => p.x.lessThan(p.l.min));
    if (above.length === 0 && below.length === 0) {
      for (const p of proposal) fixed.set(p.l.index, p.x);
      break;
    }
    const excess = above.reduce((s, p) => s.plus(p.x.minus(p.l.max ?? ZERO)), ZERO);
    const deficit = below.reduce((s, p) => s.plus(p.l.min.minus(p.x)), ZERO);
    // More spilled over maximums than missing under minimums: λ must rise, so the rows above stay above.
    if (excess.greaterThanOrEqualTo(deficit)) for (const p of above) fixed.set(p.l.index, p.l.max ?? ZERO);
    if (deficit.greaterThanOrEqualTo(excess)) for (const p of below) fixed.set(p.l.index, p.l.min);
  }
  return lines.map((l) => fixed.get(l.index) ?? ZERO);
}

function infeasible(reasons: string[]): never {
  throw new CompplanError(ALLOCATION_INFEASIBLE, `the allocation is infeasible: ${reasons.join("; ")}`);
}

function invalidOnError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CompplanError) throw new CompplanError(ALLOCATION_INVALID, e.message);
    throw e;
  }
}
