import { describeValue } from "./describeValue.js";
import { duplicateKeys, keyColonCount, keyCount, markDuplicates } from "./duplicateKeys.js";
import { inputFileError } from "./inputFileError.js";
import { isPlainObject } from "./isPlainObject.js";
import { parseJsonExact } from "./parseJsonExact.js";

/**
 * Reads a JSON text holding a list of record objects. Internal: `parseRecords` is the public entry.
 *
 * A syntax error throws an `InputError` with the line and column. A top level that is not a list, or an
 * element that is not an object, throws too: such a file is not a list of records, and guessing (unwrapping
 * `{ "data": [...] }`, skipping a `null`) could lose records silently. Numbers a JS number cannot hold exactly
 * are kept as text (see `parseJsonExact`). A record that writes a key twice is marked (see `DUPLICATE_KEYS`) and
 * rejected by `parseTransactions` / `parseParticipants` / `evaluate`.
 *
 * @example
 * ```ts
 * parseJsonRecords('[{"id": "D-1", "amount": 1000.5}]', "deals.json"); // [{ id: "D-1", amount: 1000.5 }]
 * ```
 */
export function parseJsonRecords(text: string, source: string): Record<string, unknown>[] {
  const parsed = parseJsonExact(text);
  if (!parsed.ok) throw inputFileError(source, { line: parsed.line, column: parsed.column }, parsed.message);
  const list = parsed.value;
  if (!Array.isArray(list)) {
    throw inputFileError(source, {}, `expected a list of records ([{...}, ...]), got ${describeValue(list)}`);
  }
  list.forEach((element, i) => {
    if (!isPlainObject(element)) {
      throw inputFileError(
        source,
        { row: i + 1 },
        `record ${i + 1}: expected an object, got ${describeValue(element)}`,
      );
    }
  });
  // JSON.parse keeps the last of two equal keys: such records are marked, and rejected where they are read.
  if (keyColonCount(text) > keyCount(list)) {
    for (const d of duplicateKeys(text, true)) markDuplicates(list[d.element] as object, [d.path]);
  }
  return list as Record<string, unknown>[];
}
