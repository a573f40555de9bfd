/**
 * The value a record holds under `key` as its own property, or `undefined`. Ids are user text (a measure may be
 * called `toString` or `constructor`), so a lookup by id must never reach `Object.prototype`.
 *
 * @param record A plain object keyed by ids, or `undefined`.
 * @param key The id to look up.
 * @returns The own value, or `undefined` when the record has none.
 *
 * @example
 * ```ts
 * ownValue({ bookings: "1000000" }, "bookings"); // "1000000"
 * ownValue({ bookings: "1000000" }, "toString"); // undefined (not Object.prototype.toString)
 * ```
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
