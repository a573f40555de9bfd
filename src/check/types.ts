import type { DecimalInput } from "../money/index.js";
import type { ModelOptions, Profile } from "../simulate/model.js";

/** How serious a finding is: an `error` makes `compplan check` exit with 1. */
export type Severity = "error" | "warning" | "info";

/** One finding of a design check: a sentence a finance person understands, and the numbers that show it. */
export interface Finding {
  severity: Severity;
  /** The component it is about, when it is about one. */
  component?: string;
  /** Stable code, e.g. `target_mismatch`, `payout_falls`, `cliff`. */
  code: string;
  message: string;
  /** The figures behind the message, as decimal strings (amounts at the plan's scale, attainments as fractions). */
  numbers: Record<string, string>;
  /** Where in the plan the finding points, as a key path (`["measures", "bookings", "seasonality", 3]`), when it points somewhere. */
  path?: (string | number)[];
}

/** Options of `checkPlan`. Every threshold has a default a plan review would use. */
export interface CheckOptions extends ModelOptions {
  /** Highest attainment swept (default 3 = 300%). */
  high?: DecimalInput;
  /** Sweep step (default 0.01). Band edges, gates and curve points are checked on top, at ± `epsilon`. */
  step?: DecimalInput;
  /** Distance either side of a breakpoint (default 0.000000001: small enough that the slope adds no cent). */
  epsilon?: DecimalInput;
  /** A jump larger than this share of the component's target is a cliff (default 0.1 = 10%). */
  cliff?: DecimalInput;
  /** A cap reached below this attainment is worth a warning (default 1.5). */
  capBelow?: DecimalInput;
  /** Pay at 100% off the target by more than this share is an error, less a warning (default 0.01). */
  targetTolerance?: DecimalInput;
  /** Attainments at which to report the cost (default 0.5, 1, 1.5, 2). */
  levels?: readonly DecimalInput[];
  /** The participant to check with (default: the plan's default targets, the whole year). */
  profile?: Profile;
}
