import { constants } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { checkArgument } from "../errors/checkArgument.js";
import { InputError } from "../errors/index.js";
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
    // A file is read whole into one string, and V8 strings stop at ~512 MiB: say so before reading it, rather
    // than fail on the decoding with a misleading "not UTF-8".
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw tooLarge(path, size);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputFileError(path, {}, `cannot read the file: ${(e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    // Decoding fails with a RangeError when the text is longer than a string can be, a TypeError when not UTF-8.
    if (e instanceof RangeError) throw tooLarge(path, bytes.length);
    throw inputFileError(path, {}, "is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)");
  }
  return parseRecords(text, { format, source: path });
}

/** The largest file {@link readRecords} reads: V8's longest string, in bytes (UTF-8 never takes fewer bytes). */
export const MAX_FILE_BYTES: number = constants.MAX_STRING_LENGTH;

function tooLarge(path: string, size: number): InputError {
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  return inputFileError(
    path,
    {},
    `the file is ${mib(size)}; compplan reads a file whole into memory, up to ${mib(MAX_FILE_BYTES)} (the longest ` +
      "text JavaScript can hold): split it into smaller files",
  );
}
