import { tryDecimal } from "../money/index.js";
import { describeValue } from "./describeValue.js";
import { isBlank } from "./isBlank.js";
import { isPlainObject } from "./isPlainObject.js";
import type { FieldProblem } from "./toReject.js";

/** A participant's target overrides, as normalised decimal strings. */
export interface Targets {
  /** Annual base salary. */
  base?: string;
  /** Annual target incentive (on-target variable pay). */
  variable?: string;
  /** Annual quota per measure id. */
  quota: Record<string, string>;
}

/**
 * Whether a participant field holds a target override: `targets` (nested), `base`, `variable`, `quota` (an
 * object per measure), `quota.<measure>`, or any of these written with a `targets.` prefix.
 *
 * @example
 * ```ts
 * isTargetKey("quota.bookings"); // true
 * isTargetKey("region"); // false
 * ```
 */
export function isTargetKey(key: string): boolean {
  return (
    key === "targets" ||
    key === "base" ||
    key === "variable" ||
    key === "quota" ||
    key.startsWith("quota.") ||
    key.startsWith("targets.")
  );
}

/**
 * Reads a participant's target overrides from whichever form they were written in: nested
 * (`{ targets: { base, variable, quota: { bookings } } }`, natural in JSON), flat (`base`, `variable`,
 * `quota.bookings` columns, natural in CSV), or flat with a `targets.` prefix. Forms may be mixed, but each
 * target may be given once: two values for the same target would leave it to chance which one is paid.
 *
 * Amounts must be non-negative decimals (`1,000`, `abc`, `NaN`, `-5` are refused); they are returned as
 * normalised decimal strings (`"150000.50"` → `"150000.5"`). Blank values are "not given".
 *
 * @example
 * ```ts
 * parseTargets([["base", "80000"], ["quota.bookings", 600000]]);
 * // { targets: { base: "80000", quota: { bookings: "600000" } }, problems: [] }
 * ```
 */
export function parseTargets(entries: readonly (readonly [string, unknown])[]): {
  targets: Targets;
  problems: FieldProblem[];
} {
  const targets: Omit<Targets, "quota"> = {};
  const quotas: [string, string][] = [];
  const problems: FieldProblem[] = [];
  const givenAs = new Map<string, string>();

  const add = (target: string, field: string, value: unknown) => {
    if (isBlank(value)) return;
    const earlier = givenAs.get(target);
    if (earlier !== undefined) {
      problems.push({ field, message: `given twice, as ${earlier} and as ${field} (give each target once)` });
      return;
    }
    givenAs.set(target, field);
    const d = tryDecimal(value);
    if (!d.ok) problems.push({ field, message: d.message });
    else if (d.value.lt(0))
      problems.push({ field, message: `expected an amount of 0 or more, got ${d.value.toString()}` });
    else if (target === "base" || target === "variable") targets[target] = d.value.toString();
    else quotas.push([target.slice("quota.".length), d.value.toString()]);
  };
  const addQuotas = (field: string, value: unknown) => {
    if (!isPlainObject(value)) {
      problems.push({
        field,
        message: `expected a quota per measure, such as { "bookings": 600000 } or a column quota.bookings, got ${describeValue(value)}`,
      });
      return;
    }
    for (const [measure, amount] of Object.entries(value))
      addOne(`quota.${measure}`, `${field}.${measure}`, amount);
  };
  // `name` is the target as written without any `targets.` prefix; `field` is what the user wrote.
  const addOne = (name: string, field: string, value: unknown) => {
    if (name === "base" || name === "variable") add(name, field, value);
    else if (name === "quota") {
      if (!isBlank(value)) addQuotas(field, value);
    } else if (name.startsWith("quota.") && name.length > "quota.".length) add(name, field, value);
    else {
      problems.push({
        field,
        message: "unknown target; expected base, variable, or a quota per measure (quota.<measure>)",
      });
    }
  };

  for (const [key, value] of entries) {
    if (key === "targets") {
      if (isBlank(value)) continue;
      if (!isPlainObject(value)) {
        problems.push({
          field: "targets",
          message: `expected an object such as { "base": 80000, "quota": { "bookings": 600000 } }, got ${describeValue(value)}`,
        });
        continue;
      }
      for (const [k, v] of Object.entries(value)) addOne(k, `targets.${k}`, v);
    } else if (key.startsWith("targets.")) addOne(key.slice("targets.".length), key, value);
    else addOne(key, key, value);
  }
  // fromEntries defines own properties, so a measure named "__proto__" cannot reach the object's prototype.
  return { targets: { ...targets, quota: Object.fromEntries(quotas) }, problems };
}
