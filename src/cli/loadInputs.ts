import { existsSync } from "node:fs";
import { formatOfPath } from "../input/formatOfPath.js";
import { readRecords } from "../input/index.js";
import { loadPlan } from "../plan/index.js";
import { UsageError } from "./io.js";

/** Loads plan files, failing with a usage error for a path that does not exist. */
export function loadPlans(paths: readonly string[]) {
  return paths.map((path) => {
    if (!existsSync(path)) throw new UsageError(`no such plan file: ${path}`);
    return loadPlan(path);
  });
}

/** Reads a participants or transactions file (CSV, JSON or JSON Lines). */
export function loadRecords(path: string | undefined, what: string) {
  if (!path) throw new UsageError(`--${what} <file> is required`);
  if (!existsSync(path)) throw new UsageError(`no such ${what} file: ${path}`);
  // The CLI has no format option (the library's readRecords does): the name is what says the format.
  if (formatOfPath(path) === undefined)
    throw new UsageError(
      `--${what} ${path}: cannot tell the format from the file name: rename it to .csv, .json, .jsonl or .ndjson`,
    );
  return readRecords(path);
}
