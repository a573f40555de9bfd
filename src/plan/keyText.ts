/**
 * The text a scalar key becomes as a property name of the parsed data, as `yaml`'s `toJS` writes it: `null` is
 * `""`, everything else `String(value)` (`true` → "true", `.inf` → "Infinity", `0x10` → "16").
 *
 * @param value A scalar key's value, as yaml composed it.
 * @returns The property name it becomes.
 *
 * @example
 * ```ts
 * keyText(true); // "true"
 * keyText(null); // ""
 * ```
 */
export function keyText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
