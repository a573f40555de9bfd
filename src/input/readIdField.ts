import { isBlank } from "./isBlank.js";
import type { FieldProblem } from "./toReject.js";
import { tryId } from "./tryId.js";

/**
 * Reads an id field of a record (already blank-filtered: `undefined` means not given), adding a problem to
 * `problems` when it is missing but required (`missing` says what was expected) or is not an id.
 *
 * @example
 * ```ts
 * const problems: FieldProblem[] = [];
 * readIdField("plan", undefined, problems, "the plan's id"); // undefined; problems: [{ field: "plan", message: "missing; expected the plan's id" }]
 * ```
 */
export function readIdField(
  field: string,
  value: unknown,
  problems: FieldProblem[],
  missing?: string,
): string | undefined {
  if (value === undefined) {
    if (missing !== undefined) problems.push({ field, message: `missing; expected ${missing}` });
    return undefined;
  }
  // The common case, an id that is already non-blank text, without building a result object.
  if (typeof value === "string" && !isBlank(value)) return value;
  const parsed = tryId(value);
  if (!parsed.ok) problems.push({ field, message: parsed.message });
  return parsed.ok ? parsed.value : undefined;
}
