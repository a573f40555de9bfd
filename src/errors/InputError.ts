import { CompplanError } from "./CompplanError.js";

/** One rejected input record: which row (1-based, as a spreadsheet numbers data rows), which record, which field. */
export interface RecordIssue {
  /** Where the record came from: a file name, or `transactions` / `participants` for arrays. */
  source: string;
  /** 1-based position of the record among the data rows (a CSV's header is not a row). */
  row: number;
  /** The record's id when it has one. */
  id?: string;
  field: string;
  message: string;
}

/**
 * Thrown for input that cannot be used at all (an unreadable file), or, in strict mode, for the first bad
 * records. In the default mode bad records are rejected one by one and reported in the result instead.
 *
 * @example
 * ```ts
 * try { evaluate(plans, { ..., strict: true }); } catch (e) { if (e instanceof InputError) console.log(e.issues); }
 * ```
 */
export class InputError extends CompplanError {
  readonly issues: readonly RecordIssue[];
  constructor(issues: RecordIssue[], message?: string) {
    const first = issues[0];
    super(
      "INPUT_INVALID",
      message ??
        (first
          ? `${first.source} row ${first.row}${first.id ? ` (${first.id})` : ""}: ${first.field}: ${first.message}` +
            (issues.length > 1 ? ` (and ${issues.length - 1} more)` : "")
          : "invalid input"),
    );
    this.issues = Object.freeze([...issues]);
  }
}
