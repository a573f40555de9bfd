import { readFileSync } from "node:fs";
import { checkArgument } from "../errors/checkArgument.js";
import { PlanError } from "../errors/index.js";
import { type ParsePlanOptions, parsePlan } from "./parsePlan.js";
import type { Plan } from "./schema/index.js";

/**
 * Reads a plan file and parses it with {@link parsePlan}, using the path in error positions. Bytes that are
 * not UTF-8 are refused with a `PlanError` rather than decoded into replacement characters.
 *
 * @example
 * ```ts
 * const plan = loadPlan("plans/account-executive.yaml");
 * ```
 */
export function loadPlan(path: string, options: Omit<ParsePlanOptions, "file"> = {}): Plan {
  checkArgument("loadPlan", "path", path, "text");
  checkArgument("loadPlan", "options", options, "object");
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    // A missing or unreadable file is a PlanError like a bad one, not a raw ENOENT (line 0: no position).
    throw new PlanError([
      {
        file: path,
        line: 0,
        column: 0,
        path: [],
        code: "unreadable",
        message: `cannot read the file: ${(error as Error).message}`,
      },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PlanError([
      {
        file: path,
        line: 1,
        column: 1,
        path: [],
        code: "not_text",
        message: "this is not YAML text: the file is not UTF-8",
      },
    ]);
  }
  return parsePlan(text, { ...options, file: path });
}
