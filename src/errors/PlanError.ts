import { ArgumentError } from "./ArgumentError.js";
import { CompplanError } from "./CompplanError.js";
import { checkArgument } from "./checkArgument.js";

/** One problem found in a plan, placed in its file. Lines and columns are 1-based. */
export interface PlanIssue {
  /** The file name given to the parser (or `<plan>`). */
  file: string;
  line: number;
  column: number;
  /** The key path from the document root, e.g. `["components", 1, "tiers", "bands", 0, "rate"]`. */
  path: (string | number)[];
  /** A stable machine-readable kind, e.g. `unknown_key`, `invalid_type`, `bands_not_ordered`. */
  code: string;
  /** A sentence saying what was expected and what was found. */
  message: string;
}

/**
 * Thrown when a plan cannot be used. It carries *every* problem found, not only the first, each with its
 * `file:line:column`.
 *
 * @example
 * ```ts
 * try { parsePlan(text, { file: "ae.yaml" }); }
 * catch (e) { if (e instanceof PlanError) for (const i of e.issues) console.log(formatIssue(i)); }
 * ```
 */
export class PlanError extends CompplanError {
  readonly issues: readonly PlanIssue[];
  constructor(issues: PlanIssue[]) {
    const first = issues[0];
    const head = first ? formatIssue(first) : "invalid plan";
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    super("PLAN_INVALID", `${head}${more}`);
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * Formats an issue the way compilers do, so editors and terminals can jump to it: `file:line:column: message`.
 *
 * @example
 * ```ts
 * formatIssue({ file: "ae.yaml", line: 12, column: 9, path: ["payPeriod"], code: "invalid_value",
 *   message: "expected one of month, quarter, half, year; got \"weekly\"" });
 * // "ae.yaml:12:9: payPeriod: expected one of month, quarter, half, year; got \"weekly\""
 * ```
 */
export function formatIssue(issue: PlanIssue): string {
  checkArgument("formatIssue", "issue", issue, "object");
  checkArgument("formatIssue", "issue.path", issue.path, "list");
  checkArgument("formatIssue", "issue.message", issue.message, "text");
  checkArgument("formatIssue", "issue.file", issue.file, "text");
  checkArgument("formatIssue", "issue.line", issue.line, "integer");
  checkArgument("formatIssue", "issue.column", issue.column, "integer");
  const where = issue.path.length ? `${formatPath(issue.path)}: ` : "";
  // Line 0: a plan object built in code, which has no lines to point to.
  const at = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return `${at}: ${where}${issue.message}`;
}

/**
 * Formats a key path as a reader would write it: `components[1].tiers.bands[0].rate`.
 *
 * @example
 * ```ts
 * formatPath(["components", 1, "rate"]); // "components[1].rate"
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  checkArgument("formatPath", "path", path, "list");
  let out = "";
  for (const key of path) {
    if (typeof key !== "string" && typeof key !== "number") {
      throw new ArgumentError("formatPath", "path", "a list of keys (text) and indexes (numbers)", path);
    }
    out += typeof key === "number" ? `[${key}]` : out ? `.${key}` : key;
  }
  return out;
}
