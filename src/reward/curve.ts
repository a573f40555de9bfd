import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";
import { Decimal, ZERO } from "../money/index.js";
import { tryDecimal } from "../money/toDecimal.js";

/** A point of a bonus curve: attainment, and the fraction of the target paid there. */
export type CurvePoint = readonly [Decimal, Decimal];

/** Where a curve lookup landed, for the trace. */
export interface CurveLookup {
  fraction: Decimal;
  /** e.g. `below gate 0.5`, `between (0.5, 0) and (1, 1)`, `at (1, 1)`, `beyond the last point (1.5, 2)`. */
  where: string;
}

/**
 * Reads a bonus curve at an attainment: nothing below the gate or below the first point, straight lines between
 * points, flat beyond the last point (a cap on the curve itself; a `cap` can bound it further).
 *
 * @example
 * ```ts
 * // (0.5, 0) → (1.0, 1.0): at 0.75, 0 + (0.75 − 0.5) / (1.0 − 0.5) × (1.0 − 0) = 0.5
 * readCurve([[d(0.5), d(0)], [d(1), d(1)]], d(0.75)).fraction.toString(); // "0.5"
 * ```
 */
export function readCurve(points: readonly CurvePoint[], attainment: Decimal, gate?: Decimal): CurveLookup {
  checkArgument("readCurve", "points", points, "list");
  checkDecimalArgument("readCurve", "attainment", attainment, false, false);
  checkDecimalArgument("readCurve", "gate", gate, true, false);
  if (gate !== undefined && attainment.lt(gate)) return lookup(ZERO, () => `below the gate ${gate}`);
  const first = points[0];
  // One comparison per point: `at` is where it is 0, `between` where the next one is negative.
  let here = first ? attainment.cmp(first[0]) : Number.NaN;
  if (!first || here < 0) return lookup(ZERO, () => "below the first curve point");
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i] as CurvePoint;
    if (here === 0) return lookup(y, () => `at curve point (${x}, ${y})`);
    const next = points[i + 1];
    if (!next) break;
    here = attainment.cmp(next[0]);
    if (here < 0) {
      const [x2, y2] = next;
      const fraction = y.plus(attainment.minus(x).div(x2.minus(x)).times(y2.minus(y)));
      return lookup(fraction, () => `between curve points (${x}, ${y}) and (${x2}, ${y2})`);
    }
  }
  const [x, y] = points[points.length - 1] as CurvePoint;
  return lookup(y, () => `beyond the last curve point (${x}, ${y})`);
}

// A lookup whose `where` is written when read: a bonus reads the curve in every period of the year to date, and
// only the statement's periods are explained.
function lookup(fraction: Decimal, write: () => string): CurveLookup {
  let where: string | undefined;
  return {
    fraction,
    get where() {
      where ??= write();
      return where;
    },
  };
}

/**
 * Converts a plan's curve (decimal strings) into points to compute with.
 *
 * @example
 * ```ts
 * curvePoints([["0.5", "0"], ["1", "1"]]);
 * ```
 */
export function curvePoints(curve: readonly (readonly [string, string])[]): CurvePoint[] {
  checkElements("curvePoints", "curve", curve, "list");
  curve.forEach((point, i) => {
    if (point.length !== 2 || !point.every((v) => tryDecimal(v).ok)) {
      throw new ArgumentError(
        "curvePoints",
        `curve[${i}]`,
        "a point [attainment, payout] of two decimals",
        point,
      );
    }
  });
  return curve.map(([x, y]) => [new Decimal(x), new Decimal(y)] as const);
}
