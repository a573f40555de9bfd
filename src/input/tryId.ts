import { describeValue } from "./describeValue.js";

/**
 * Reads an identifier (participant, plan, transaction, manager): text as written, or a finite number turned into
 * its text.
 *
 * Numbers are accepted because a CSV cell `1001` is typed as a number (see `parseRecords`) and JSON exporters
 * often write numeric ids; both must name the same participant as the text `"1001"`. Text is not trimmed or
 * case-folded: an id is compared exactly, and a stray space shows up later as an unknown participant rather
 * than being guessed away. Leading zeros survive because CSV typing keeps `00123` as text.
 *
 * @example
 * ```ts
 * tryId(1001); // { ok: true, value: "1001" }
 * tryId(true); // { ok: false, message: "expected an id (text or a number), got true" }
 * ```
 */
export function tryId(value: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof value === "string" && value.trim() !== "") return { ok: true, value };
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value: String(value) };
  return { ok: false, message: `expected an id (text or a number), got ${describeValue(value)}` };
}
