import type { RecordIssue } from "../errors/index.js";
import { InputError } from "../errors/index.js";
import { describeValue } from "./describeValue.js";
import { duplicateKeys, keyColonCount, keyCount, markDuplicates } from "./duplicateKeys.js";
import { isPlainObject } from "./isPlainObject.js";
import { parseJsonExact } from "./parseJsonExact.js";

/**
 * Reads JSON Lines text: one record object per line; blank lines are skipped (an editor's trailing newline, or
 * blank lines between groups, carry no data). Internal: `parseRecords` is the public entry.
 *
 * Every bad line is reported, not only the first, in one `InputError` (each issue's message starts with
 * `file:line:column`): a file exported by a buggy job tends to be wrong in many places at once. Nothing is
 * returned when any line is bad. Row numbers count the non-blank lines. A record that writes a key twice is
 * marked (see `DUPLICATE_KEYS`) and rejected by `parseTransactions` / `parseParticipants` / `evaluate`.
 *
 * @example
 * ```ts
 * parseJsonLinesRecords('{"id":"D-1"}\n\n{"id":"D-2"}\n', "deals.jsonl"); // [{ id: "D-1" }, { id: "D-2" }]
 * ```
 */
export function parseJsonLinesRecords(text: string, source: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const issues: RecordIssue[] = [];
  text.split("\n").forEach((raw, i) => {
    // CRLF files leave a "\r" at each line's end; it is whitespace to JSON, but keep columns honest.
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    const row = rows.length + issues.length + 1;
    const parsed = parseJsonExact(line);
    if (!parsed.ok) {
      issues.push({
        source,
        row,
        field: "",
        message: `${source}:${i + 1}:${parsed.column}: ${parsed.message}`,
      });
    } else if (!isPlainObject(parsed.value)) {
      issues.push({
        source,
        row,
        field: "",
        message: `${source}:${i + 1}: expected one record object per line, got ${describeValue(parsed.value)}`,
      });
    } else {
      // JSON.parse keeps the last of two equal keys: the record is marked, and rejected where it is read.
      if (keyColonCount(line) > keyCount(parsed.value)) {
        const found = duplicateKeys(line, false);
        if (found.length)
          markDuplicates(
            parsed.value,
            found.map((d) => d.path),
          );
      }
      rows.push(parsed.value);
    }
  });
  const [first] = issues;
  if (first) {
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more bad line${issues.length > 2 ? "s" : ""})` : "";
    throw new InputError(issues, `${first.message}${more}`);
  }
  return rows;
}
