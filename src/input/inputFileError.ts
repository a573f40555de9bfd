import { InputError } from "../errors/index.js";

/** Where in a file a problem is: the line (1-based) and, when known, the column and the data row. */
export interface FilePlace {
  line?: number;
  column?: number;
  /** 1-based data row, when the problem belongs to one record; 0 for the file as a whole. */
  row?: number;
}

/**
 * Builds the {@link InputError} for a file that cannot be read as records at all (bad JSON, a ragged CSV row).
 * Its message reads like a compiler's, `file:line:column: message`, so terminals and editors can jump to it.
 *
 * The issue's `row` is the data row when one is known and 0 for the file as a whole; `field` is empty, since
 * the problem is the file's shape, not one field of a record.
 *
 * @example
 * ```ts
 * throw inputFileError("deals.csv", { line: 3, row: 2 }, "expected 4 fields as in the header, found 5");
 * // InputError: deals.csv:3: expected 4 fields as in the header, found 5
 * ```
 */
export function inputFileError(source: string, place: FilePlace, message: string): InputError {
  const where =
    place.line === undefined ? "" : `:${place.line}${place.column === undefined ? "" : `:${place.column}`}`;
  const full = `${source}${where}: ${message}`;
  return new InputError([{ source, row: place.row ?? 0, field: "", message: full }], full);
}
