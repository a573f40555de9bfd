import { readFileSync } from "node:fs";
import { checkArgument } from "../errors/checkArgument.js";
import { FORMAT_HINT, formatOfPath } from "./formatOfPath.js";
import { inputFileError } from "./inputFileError.js";
import { type ParsedRecords, parseRecords, type RecordFormat } from "./parseRecords.js";

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  /** The format, when the file's extension does not say it. */
  format?: RecordFormat;
}

/**
 * Reads a participants or transactions file (CSV with a header, JSON list, or JSON Lines) into plain records.
 * The format comes from the extension (`.csv`, `.json`, `.jsonl`, `.ndjson`) unless given. Records are reported
 * under `source` = the path as given. See {@link parseRecords} for how each format is read.
 *
 * The file must be UTF-8 (a BOM is fine). Text in another encoding, such as a "CSV (Windows)" export with
 * accented names, throws rather than turning letters into replacement characters that would no longer match
 * ids. Any file that cannot be read or parsed throws an `InputError` naming it (and the line, when there is one).
 *
 * @example
 * ```ts
 * const { source, rows } = readRecords("data/deals.csv");
 * const { transactions, rejects } = parseTransactions(rows, { source });
 * ```
 */
export function readRecords(path: string, options: ReadRecordsOptions = {}): ParsedRecords {
  checkArgument("readRecords", "path", path, "text");
  checkArgument("readRecords", "options", options, "object");
  checkArgument("readRecords", "options.format", options.format, "text?");
  const format = options.format ?? formatOfPath(path);
  // Checked before reading, so a wrong name fails fast without reading a large file first.
  if (format === undefined) throw inputFileError(path, {}, FORMAT_HINT);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw inputFileError(path, {}, `cannot read the file: ${(e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw inputFileError(path, {}, "is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)");
  }
  return parseRecords(text, { format, source: path });
}
