import { tryDecimal } from "../money/index.js";
import { describeValue } from "./describeValue.js";

/**
 * Reads a participant's new-hire ramp: the quota factor for each month of tenure, from a CSV cell
 * (`0;0.25;0.5;0.75`, or a single number) or a JSON list. Factors are non-negative decimals, returned as
 * normalised decimal strings; `goals/rampQuota` applies them. An empty list means no ramp.
 *
 * @example
 * ```ts
 * parseRamp("0;0.25;0.50"); // { ok: true, value: ["0", "0.25", "0.5"] }
 * parseRamp("0;;1"); // { ok: false, message: "month 2: expected a decimal number such as 1000.50, got \"\"" }
 * ```
 */
export function parseRamp(
  value: unknown,
): { ok: true; value: string[] | undefined } | { ok: false; message: string } {
  let factors: unknown[];
  if (typeof value === "string") factors = value.split(";").map((f) => f.trim());
  else if (typeof value === "number") factors = [value];
  else if (Array.isArray(value)) factors = value;
  else {
    return {
      ok: false,
      message: `expected quota factors per month of tenure, such as 0;0.25;0.5 or [0, 0.25, 0.5], got ${describeValue(value)}`,
    };
  }
  if (factors.length === 0) return { ok: true, value: undefined };
  const problems: string[] = [];
  const out: string[] = [];
  factors.forEach((f, i) => {
    const d = tryDecimal(f);
    if (!d.ok) problems.push(`month ${i + 1}: ${d.message}`);
    else if (d.value.lt(0))
      problems.push(`month ${i + 1}: expected a factor of 0 or more, got ${d.value.toString()}`);
    else out.push(d.value.toString());
  });
  return problems.length > 0 ? { ok: false, message: problems.join("; ") } : { ok: true, value: out };
}
