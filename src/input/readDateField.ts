import { tryDate } from "../calendar/index.js";
import type { FieldProblem } from "./toReject.js";

/** Dates already checked during one call: a file has few distinct dates, and checking one costs a `Date`. */
export type DateCache = Map<string, ReturnType<typeof tryDate>>;

/**
 * Reads a date field of a record (already blank-filtered: `undefined` means not given). A value that is not a
 * real calendar date `YYYY-MM-DD` (`2026-02-30`, `15/01/2026`, the number `20260115`) adds a problem. Pass a
 * `cache` (a `Map` owned by the caller, for one call) to check each distinct text once.
 *
 * @example
 * ```ts
 * const problems: FieldProblem[] = [];
 * readDateField("closeDate", "2026-02-30", problems); // undefined; problems: [{ field: "closeDate", message: "2026-02-30 is not a calendar date" }]
 * ```
 */
export function readDateField(
  field: string,
  value: unknown,
  problems: FieldProblem[],
  cache?: DateCache,
): string | undefined {
  if (value === undefined) return undefined;
  let d = typeof value === "string" ? cache?.get(value) : undefined;
  if (d === undefined) {
    d = tryDate(value);
    if (typeof value === "string") cache?.set(value, d);
  }
  if (!d.ok) problems.push({ field, message: d.message });
  return d.ok ? d.value : undefined;
}
