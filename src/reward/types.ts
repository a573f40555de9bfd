import type { Period } from "../calendar/index.js";
import type { MeasureColumns } from "../measure/measureTable.js";
import type { Decimal } from "../money/index.js";

/** What a component needs to know about the participant and the year to compute its earnings. */
export interface RewardContext {
  /** The pay periods of the plan year. */
  periods: readonly Period[];
  /** Compute deal-by-deal attribution for the statement's periods (default true). */
  attribute?: boolean;
  /** The first and last pay period (indexes) of the statement being computed. */
  from: number;
  through: number;
  /** Proration factor (days employed ÷ days) per pay period. */
  factors: readonly Decimal[];
  /**
   * The days behind each factor. Prorated amounts are computed as amount × days employed ÷ days in period
   * (multiply first, divide once), so that a result that is exact in decimal, such as a half cent, stays exact and
   * rounds the right way; amount × factor could land a hair below it.
   */
  prorations: readonly { daysEmployed: number; daysInPeriod: number }[];
  /** The component's measure, for components that have one. */
  measure?: MeasureColumns;
  /** The participant's quota for the component's measure: per pay period and for the year (both prorated). */
  quota?: { annual: Decimal; year: Decimal; perPeriod: readonly Decimal[] };
  /**
   * The component's target incentive: `annual` as set (for the base commission rate), `year` prorated for the
   * days employed, and per pay period (annual ÷ periods × that period's proration factor).
   */
  target?: { annual: Decimal; year: Decimal; perPeriod: readonly Decimal[] };
  /** The participant's annual base salary, for base components. */
  base?: Decimal;
  /** Credits of the participant not tied to a measure (for SPIFFs without one), as entries valued at the credited amount. */
  credits?: MeasureColumns;
}

/**
 * A transaction's part in a component's earnings for a pay period: the statement's deal line itself. `earned` is
 * exact (unrounded), written as `Decimal#toString` writes it; `new Decimal(earned)` gives the amount back, digit
 * for digit, for a clawback that reverses what a deal earned. Components write the final line once: a run that
 * lists a million deals makes a million of these and nothing more.
 */
export interface DealEarning {
  id: string;
  date: string;
  /** The exact (unrounded) amount the deal added, as decimal text. */
  earned: string;
}

/**
 * A component's exact earnings per pay period, with traces and deal attribution for the statement's periods.
 * `cumulative`: `values[p]` is what was earned from the start of the year to the end of period p (settled as a
 * true-up). `standalone`: `values[p]` is what period p earned on its own.
 */
export interface ComponentEarnings {
  mode: "cumulative" | "standalone";
  values: Decimal[];
  /** Per pay period index in [from, through]: the arithmetic, line by line. */
  traces: Map<number, string[]>;
  /** Per pay period index in [from, through]: deal by deal. */
  deals: Map<number, DealEarning[]>;
}
