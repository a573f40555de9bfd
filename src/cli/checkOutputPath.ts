import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./io.js";

/**
 * Checks, before anything is computed, that an output file (`--out`, `--svg`) can be written: its folder exists
 * and is writable, and the path is not a folder. A run on millions of deals should not end in a crash at
 * the very last step because of a typo in the output path.
 *
 * @param path - the output path as given, or `undefined` when the option was not given (nothing to check).
 * @param option - the option's name for the message, e.g. `--out`.
 * @throws {UsageError} (exit 2) saying what is wrong with the path.
 * @example
 * ```ts
 * checkOutputPath("missing-folder/x.json", "--out"); // throws: --out missing-folder/x.json: folder missing-folder does not exist
 * ```
 */
export function checkOutputPath(path: string | undefined, option: string): void {
  if (path === undefined) return;
  if (path.trim() === "") throw new UsageError(`${option} needs a file name`);
  const full = resolve(path);
  const here = `${option} ${path}`;
  const file = statOf(full);
  if (file?.isDirectory()) throw new UsageError(`${here}: is a folder; give a file name inside it`);
  if (file) {
    if (!writable(full))
      throw new UsageError(`${here}: the file exists and cannot be written (permission denied)`);
    return;
  }
  const folder = dirname(full);
  const shown = dirname(path);
  const dir = statOf(folder);
  if (!dir) throw new UsageError(`${here}: folder ${shown} does not exist; create it first`);
  if (!dir.isDirectory()) throw new UsageError(`${here}: ${shown} is not a folder`);
  if (!writable(folder))
    throw new UsageError(`${here}: cannot create files in folder ${shown} (permission denied)`);
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch (e) {
    // A path through a file ("a.csv/x.json") is ENOTDIR: report it as the missing folder it is.
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR")
      return undefined;
    throw new UsageError(`cannot check ${path}: ${(e as Error).message}`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
