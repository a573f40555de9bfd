import { checkArgument } from "../errors/checkArgument.js";
import { FORMAT_HINT, formatOfPath } from "./formatOfPath.js";
import { inputFileError } from "./inputFileError.js";
import { parseCsvRecords } from "./parseCsvRecords.js";
import { parseJsonLinesRecords } from "./parseJsonLinesRecords.js";
import { parseJsonRecords } from "./parseJsonRecords.js";

/** The formats compplan reads records from: CSV with a header row, a JSON list, or JSON Lines. */
export type RecordFormat = "csv" | "json" | "jsonl";

const FORMATS: readonly RecordFormat[] = ["csv", "json", "jsonl"];

/** Options of {@link parseRecords}. */
export interface ParseRecordsOptions {
  /** The format; when left out, taken from `source`'s extension (`.csv`, `.json`, `.jsonl` or `.ndjson`). */
  format?: RecordFormat;
  /** Where the text came from, used in error messages and in rejects; default `"<input>"`. */
  source?: string;
}

/** Records read from a file or a text, with the name they are reported under. */
export interface ParsedRecords {
  source: string;
  /** One plain object per data row, in file order. */
  rows: Record<string, unknown>[];
}

/**
 * Parses participants or transactions written as CSV, JSON or JSON Lines into plain records, without touching
 * the file system (for browsers, notebooks, tests; {@link readRecords} reads a file and calls this).
 *
 * - **CSV**: a header row names the fields; a UTF-8 BOM and CRLF line ends are fine. An empty cell leaves the
 *   field out. A cell that is a plain decimal a JS number holds as written (`24`, `0.5`, not `1000.50` or
 *   `00123`) becomes a number, `true`/`false` become booleans, anything else stays text. Dotted column names
 *   (`quota.bookings`) are kept as they are, not expanded into nested objects.
 * - **JSON**: a list of objects. **JSON Lines**: one object per line, blank lines skipped. Numbers a JS number
 *   cannot hold exactly (`12345678901234567890.12`) arrive as their decimal text, never rounded.
 *
 * A text that is not well-formed throws an `InputError` naming the source and line; no partial data is ever
 * returned.
 *
 * @example
 * ```ts
 * parseRecords("id,ownerId,amount,termMonths\nD-1,ana,1000.50,24\n", { format: "csv", source: "deals.csv" });
 * // { source: "deals.csv", rows: [{ id: "D-1", ownerId: "ana", amount: "1000.50", termMonths: 24 }] }
 * ```
 */
export function parseRecords(text: string, options: ParseRecordsOptions = {}): ParsedRecords {
  checkArgument("parseRecords", "text", text, "text");
  checkArgument("parseRecords", "options", options, "object");
  checkArgument("parseRecords", "options.source", options.source, "text?");
  checkArgument("parseRecords", "options.format", options.format, "text?");
  const source = options.source ?? "<input>";
  const format = options.format ?? formatOfPath(source);
  if (format === undefined || !FORMATS.includes(format)) {
    throw inputFileError(
      source,
      {},
      format === undefined
        ? FORMAT_HINT
        : `unknown format ${JSON.stringify(format)}: expected csv, json or jsonl`,
    );
  }
  // A BOM is what Excel and Windows tools put before UTF-8 text; it is not part of the first field's name.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows =
    format === "csv"
      ? parseCsvRecords(body, source)
      : format === "json"
        ? parseJsonRecords(body, source)
        : parseJsonLinesRecords(body, source);
  return { source, rows };
}
