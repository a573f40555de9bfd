/**
 * Walks `keys` down from `value` through own properties only (`Object.hasOwn`), never the prototype chain, so
 * `toString` or `__proto__` cannot be reached. A missing key, or a walk into `null`/`undefined`, gives
 * `undefined`, as json-rules-engine's JSONPath gives for no match. Strings expose their own `length` and
 * indexes, as they do in JSONPath (except the empty string, which JSONPath does not walk into).
 *
 * @example
 * ```ts
 * readOwnPath({ address: { city: "Lyon" } }, ["address", "city"]); // "Lyon"
 * readOwnPath({ tags: ["a", "b"] }, ["tags", "1"]);                 // "b"
 * readOwnPath({}, ["toString"]);                                    // undefined
 * ```
 */
export function readOwnPath(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    // `!current`, not `current == null`: json-rules-engine's JSONPath only walks into truthy values, so the
    // `length` of an empty string is undefined there, and must be here.
    if (!current || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
