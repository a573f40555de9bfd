/**
 * Whether a field counts as "not given": absent, `null`, or text that is empty or only spaces.
 *
 * One rule for every format, so a record means the same whether it came from a CSV (where an empty cell is the
 * only way to leave a field out) or from JSON (where exporters write `null` or `""` for "none"): a
 * `terminationDate: ""` is no termination, not an invalid date.
 *
 * @example
 * ```ts
 * isBlank(""); // true
 * isBlank(null); // true
 * isBlank(0); // false
 * ```
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}
