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
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  // Most values start with a printable ASCII character and so are not blank: decided without trimming (which
  // copies), millions of times per run. Anything else gets the full Unicode trim.
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return value.trim() === "";
}
