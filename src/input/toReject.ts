import type { RecordIssue } from "../errors/index.js";

/** One thing wrong with one field of a record. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Folds every problem of one record into a single {@link RecordIssue}.
 *
 * One issue per rejected record, never several: the engine's accounting counts `rejects.length` as the number
 * of rejected records, so a record with two bad fields must not be counted twice. With one problem the issue
 * names its field; with several, `field` lists them (`"amount, closeDate"`) and the message gives each one
 * (`"amount: …; closeDate: …"`), so nothing the user must fix is hidden behind the first error.
 *
 * @example
 * ```ts
 * toReject([{ field: "amount", message: 'expected a decimal number such as 1000.50, got "abc"' }],
 *   { source: "deals.csv", row: 3, id: "D-3" });
 * // { source: "deals.csv", row: 3, id: "D-3", field: "amount", message: 'expected a decimal number …' }
 * ```
 */
export function toReject(
  problems: readonly FieldProblem[],
  where: { source: string; row: number; id?: string | undefined },
): RecordIssue {
  const head = { source: where.source, row: where.row, ...(where.id !== undefined ? { id: where.id } : {}) };
  const [only] = problems;
  if (problems.length === 1 && only) return { ...head, field: only.field, message: only.message };
  const fields = [...new Set(problems.map((p) => p.field))].join(", ");
  return { ...head, field: fields, message: problems.map((p) => `${p.field}: ${p.message}`).join("; ") };
}
