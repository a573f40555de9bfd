import type { RecordFormat } from "./parseRecords.js";

const BY_EXTENSION: Record<string, RecordFormat> = {
  csv: "csv",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
};

/** What to tell a user whose file name implies no format. */
export const FORMAT_HINT =
  "cannot tell the format: name the file .csv, .json, .jsonl or .ndjson, or pass the format option";

/**
 * The record format a file name implies by its extension (any case), or `undefined` when it implies none.
 *
 * @example
 * ```ts
 * formatOfPath("exports/deals.NDJSON"); // "jsonl"
 * formatOfPath("deals.txt"); // undefined
 * ```
 */
export function formatOfPath(path: string): RecordFormat | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m?.[1] ? BY_EXTENSION[m[1].toLowerCase()] : undefined;
}
