import { CsvError, parse } from "csv-parse/sync";
import { inputFileError } from "./inputFileError.js";
import { setField } from "./setField.js";
import { typeCsvCell } from "./typeCsvCell.js";

const CSV_OPTIONS = { bom: true, trim: true, skip_empty_lines: true } as const;

/**
 * Reads CSV text with a header row into records. Internal: `parseRecords` is the public entry.
 *
 * - The header names the fields; whitespace around names and unquoted cells is trimmed (quoted cells are kept
 *   as written). Two columns with the same name are an error: which one would a condition see?
 * - An empty cell leaves its field out of the record; other cells are typed by `typeCsvCell`.
 * - Empty lines and rows whose cells are all empty (spreadsheets export trailing `,,,` rows) carry no data and
 *   are skipped; row numbers count the remaining data rows.
 * - A column with no header name is tolerated only while all its cells are empty (a trailing comma); a value
 *   under it would otherwise be dropped, so that is an error.
 * - A row with more or fewer cells than the header, or broken quoting, throws an `InputError` naming the line.
 *
 * @example
 * ```ts
 * parseCsvRecords("id,amount,termMonths\nD-1,1000.50,24\n", "deals.csv");
 * // [{ id: "D-1", amount: "1000.50", termMonths: 24 }]
 * ```
 */
export function parseCsvRecords(text: string, source: string): Record<string, unknown>[] {
  let records: string[][];
  try {
    records = parse(text, CSV_OPTIONS);
  } catch (e) {
    if (e instanceof CsvError) throw inputFileError(source, { line: lineOf(e) }, describeCsvError(e));
    throw e;
  }
  const [header, ...data] = records;
  if (!header) return [];
  const names = header;
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === "") return;
    const first = seen.get(name);
    if (first !== undefined) {
      throw inputFileError(
        source,
        { line: lineOfRecord(text, 0) },
        `column ${i + 1} repeats the name ${JSON.stringify(name)} of column ${first + 1}`,
      );
    }
    seen.set(name, i);
  });

  const rows: Record<string, unknown>[] = [];
  for (const [index, record] of data.entries()) {
    const row: Record<string, unknown> = {};
    let empty = true;
    for (let i = 0; i < record.length; i++) {
      const cell = record[i];
      if (cell === undefined || cell === "") continue;
      const name = names[i];
      if (!name) {
        throw inputFileError(
          source,
          { line: lineOfRecord(text, index + 1), row: rows.length + 1 },
          `column ${i + 1} has no name in the header but holds ${JSON.stringify(cell)}`,
        );
      }
      setField(row, name, typeCsvCell(cell));
      empty = false;
    }
    if (!empty) rows.push(row);
  }
  return rows;
}

// The line a record ends on, for an error message. csv-parse can report it for every record (`info: true`), but
// that doubles the cost of parsing, so it is asked for only here, on the error path, parsing up to that record.
function lineOfRecord(text: string, index: number): number | undefined {
  const upTo = parse(text, { ...CSV_OPTIONS, info: true, to: index + 1 }) as unknown as {
    info: { lines: number };
  }[];
  return upTo[index]?.info.lines;
}

function lineOf(e: CsvError): number | undefined {
  const lines = (e as unknown as { lines?: unknown }).lines;
  return typeof lines === "number" ? lines : undefined;
}

function describeCsvError(e: CsvError): string {
  const m = /^Invalid Record Length: expect (\d+), got (\d+)/.exec(e.message);
  if (m) return `expected ${m[1]} fields as in the header, found ${m[2]}`;
  // csv-parse's own sentences are clear; drop their trailing "on line N" / "at line N" since the prefix says it.
  return `invalid CSV: ${e.message.replace(/ (?:on|at) line \d+/, "")}`;
}
