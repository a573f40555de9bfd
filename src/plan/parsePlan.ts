import {
  type Document,
  isCollection,
  isPair,
  isScalar,
  LineCounter,
  type Pair,
  parseDocument,
  type Scalar,
  visit,
} from "yaml";
import type { z } from "zod";
import { checkArgument } from "../errors/checkArgument.js";
import { formatPath, PlanError, type PlanIssue } from "../errors/index.js";
import { type CustomOperator, didYouMean } from "../rules/index.js";
import { allowedKeysAt } from "./allowedKeys.js";
import { deepFreeze } from "./deepFreeze.js";
import { keyText } from "./keyText.js";
import { planIssues } from "./planIssues.js";
import { positionFinder } from "./positions.js";
import { rawRuleIssues } from "./rawRuleIssues.js";
import { referenceIssues } from "./referenceIssues.js";
import { type Plan, PlanSchema } from "./schema/index.js";

/** Options of {@link parsePlan}. */
export interface ParsePlanOptions {
  /** The file name used in error positions. Default `<plan>`. */
  file?: string;
  /** Custom condition operators the plan may use (the same ones given to `evaluate`). */
  operators?: readonly CustomOperator[];
}

// Limits that keep hostile input from hanging or crashing the parser. Real plans are a few kilobytes and a
// dozen levels deep; these are far above that.
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;
// `__proto__` is the one key that reaches an object's prototype when assigned; other Object.prototype names
// (`constructor`, `toString`...) are ordinary ids, looked up in Maps or as own properties everywhere.
const FORBIDDEN_KEYS = new Set(["__proto__"]);
// C0 controls other than tab, newline and carriage return, DEL, and the replacement character that a decoder
// leaves for bytes that are not UTF-8: none of these belong in a YAML plan.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/**
 * Parses and validates a plan written in YAML. Returns the typed plan, deeply frozen, or throws a
 * {@link PlanError} carrying every problem found (shape, references, ordering, conditions), each with its
 * `file:line:column`, key path, and what was expected.
 *
 * @example
 * ```ts
 * const plan = parsePlan(readFileSync("plans/account-executive.yaml", "utf8"), { file: "account-executive.yaml" });
 * plan.components.map((c) => c.id); // ["base-salary", "new-business", ...]
 * ```
 */
export function parsePlan(text: string, options: ParsePlanOptions = {}): Plan {
  checkArgument("parsePlan", "options", options, "object");
  checkArgument("parsePlan", "options.file", options.file, "text?");
  checkArgument("parsePlan", "options.operators", options.operators, "list?");
  const file = options.file ?? "<plan>";
  const lineCounter = new LineCounter();
  const fail = (issues: Omit<PlanIssue, "file">[]): never => {
    const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
    throw new PlanError(sorted.map((i) => ({ file, ...i })));
  };

  if (typeof text !== "string")
    fail([{ line: 1, column: 1, path: [], code: "not_text", message: "expected YAML text" }]);
  if (text.length > MAX_BYTES) {
    fail([
      {
        line: 1,
        column: 1,
        path: [],
        code: "too_large",
        message: `a plan is at most ${MAX_BYTES} characters, got ${text.length}`,
      },
    ]);
  }
  const bad = NOT_TEXT.exec(text);
  if (bad) {
    const before = text.slice(0, bad.index);
    const line = before.split("\n").length;
    const column = bad.index - before.lastIndexOf("\n");
    const code = bad[0].codePointAt(0)?.toString(16).padStart(4, "0");
    fail([
      {
        line,
        column,
        path: [],
        code: "not_text",
        message: `this is not YAML text: character U+${code} is not allowed`,
      },
    ]);
  }

  const flowDepth = deepestFlow(text);
  if (flowDepth.depth > MAX_DEPTH) {
    fail([
      { ...flowDepth.at, path: [], code: "too_deep", message: `nesting deeper than ${MAX_DEPTH} levels` },
    ]);
  }

  let doc: Document.Parsed;
  try {
    // Duplicate keys are found by structureIssues in one pass with a Map: yaml's own check compares each key
    // with every earlier one (quadratic), and compares values, so `true` and "true" would both pass.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (error) {
    // The parser recurses on nesting; a stack overflow on absurdly deep input must not take the process down.
    const message =
      error instanceof RangeError
        ? "the document is nested too deeply"
        : `cannot parse YAML: ${String(error)}`;
    return fail([{ line: 1, column: 1, path: [], code: "yaml", message }]);
  }

  const yamlIssues = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return {
      line,
      column: col,
      path: [],
      code:
        e.code === "DUPLICATE_KEY" ? "duplicate_key" : /call stack/i.test(e.message) ? "too_deep" : "yaml",
      message: yamlMessage(e),
    };
  });
  if (yamlIssues.length) fail(yamlIssues);

  const structural = structureIssues(doc, lineCounter, text);
  if (structural.length) fail(structural);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return fail([
      {
        line: 1,
        column: 1,
        path: [],
        code: "aliases",
        message: `too many alias expansions: ${(error as Error).message}`,
      },
    ]);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return fail([
      {
        line: 1,
        column: 1,
        path: [],
        code: "invalid_type",
        message: "expected a plan: a mapping starting with compplan: 1",
      },
    ]);
  }

  const parsed = PlanSchema.safeParse(data, { reportInput: true });
  const find = positionFinder(doc, lineCounter);
  const place = (path: (string | number)[], key = false) => find(path, { key });
  if (!parsed.success) {
    const shape = parsed.error.issues.flatMap((issue) =>
      zodIssues(issue, data).map((i) => ({
        ...place(i.path, i.key),
        path: i.path,
        code: i.code,
        message: i.message,
      })),
    );
    // Conditions and expressions are checked from the raw data too, so every problem comes out in one round.
    const rules = rawRuleIssues(data, { operators: options.operators ?? [] }).map((i) => ({
      ...place(i.path),
      ...i,
    }));
    // So are references (an unknown measure), wherever the parts they join are well shaped.
    const references = referenceIssues(data).map((i) => ({ ...place(i.path), ...i }));
    fail([...shape, ...rules, ...references]);
  }
  const plan = parsed.data as Plan;
  const semantic = planIssues(plan, { operators: options.operators ?? [] });
  if (semantic.length) fail(semantic.map((i) => ({ ...place(i.path), ...i })));
  return deepFreeze(plan);
}

// The deepest nesting of flow collections ([ and {), skipping quoted strings and comments. The parser recurses
// per level, so absurd nesting is refused before parsing rather than left to overflow the stack.
function deepestFlow(text: string): { depth: number; at: { line: number; column: number } } {
  let depth = 0;
  let line = 1;
  let column = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    column++;
    if (ch === "\n") {
      line++;
      column = 0;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) comment = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth > MAX_DEPTH) return { depth, at: { line, column } };
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return { depth: 0, at: { line: 1, column: 1 } };
}

function yamlMessage(error: { code: string; message: string }): string {
  // yaml's messages end with a code excerpt when prettyErrors is on; with it off they are one line.
  if (error.code === "DUPLICATE_KEY") return "duplicate key: each key may appear once in a mapping";
  if (/call stack/i.test(error.message)) return "the document is nested too deeply";
  return error.message.split("\n")[0] ?? error.message;
}

// Walks the syntax tree before converting it: depth, forbidden keys, non-scalar keys, duplicate keys, numbers
// written with thousands separators, and exact decimals.
function structureIssues(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  text: string,
): Omit<PlanIssue, "file">[] {
  const issues: Omit<PlanIssue, "file">[] = [];
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  // Scalars that continue a number such as 1,000,000 in a flow collection: reported once, as that number.
  const continuations = new Set<number>();
  const separated = (scalar: Scalar): void => {
    const start = scalar.range?.[0];
    if (start === undefined || continuations.has(start)) return;
    if (
      !THOUSANDS_GROUP.test(String(scalar.source)) ||
      text[start - 1] !== "," ||
      !/\d/.test(text[start - 2] ?? "")
    )
      return;
    const number = thousandsNumberAround(text, start);
    issues.push({
      ...at(number.start),
      path: [],
      code: "thousands_separator",
      message:
        `${number.written} is not a number: YAML reads the commas inside [ ] or { } as separators between ` +
        `entries. Write numbers without thousands separators: ${number.written.replace(/,/g, "")}` +
        " (or put a space after the comma to write two entries)",
    });
    for (const group of number.groups) continuations.add(group);
  };
  visit(doc, {
    Map(_, map) {
      // Keys are compared as the text they become in the plan's data, so `true` and "true", or `.inf` and
      // Infinity, are the same key: one would silently replace the other.
      const seen = new Map<string, Pair>();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        if (map.flow && pair.value === null) {
          separated(pair.key);
          if (continuations.has(pair.key.range?.[0] ?? -1)) continue;
        }
        const name = keyText(exactValue(pair.key));
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, pair);
          continue;
        }
        const firstAt = at((first.key as Scalar).range?.[0]);
        const writtenAs = (key: Scalar) => text.slice(key.range?.[0] ?? 0, key.range?.[1] ?? 0);
        const firstWritten = writtenAs(first.key as Scalar);
        const written = writtenAs(pair.key);
        issues.push({
          ...at(pair.key.range?.[0]),
          path: [],
          code: "duplicate_key",
          message:
            `duplicate key ${JSON.stringify(name)} (first at line ${firstAt.line}, column ${firstAt.column}` +
            (firstWritten !== written ? `, written ${firstWritten}` : "") +
            "): each key may appear once in a mapping" +
            (firstWritten !== written ? ", and keys are compared as the text they become" : ""),
        });
      }
      return undefined;
    },
    Pair(_, pair, path) {
      const depth = path.filter((p) => isCollection(p)).length;
      if (depth > MAX_DEPTH) {
        issues.push({
          ...at(isScalar(pair.key) ? pair.key.range?.[0] : undefined),
          path: [],
          code: "too_deep",
          message: `nesting deeper than ${MAX_DEPTH} levels`,
        });
        return visit.BREAK;
      }
      if (!isScalar(pair.key)) {
        issues.push({
          ...at(undefined),
          path: [],
          code: "invalid_key",
          message: "keys must be plain words, not collections",
        });
        return visit.SKIP;
      }
      if (FORBIDDEN_KEYS.has(String(pair.key.value))) {
        issues.push({
          ...at(pair.key.range?.[0]),
          path: [],
          code: "forbidden_key",
          message: `the key "${String(pair.key.value)}" is not allowed`,
        });
      }
      return undefined;
    },
    Seq(_, seq, path) {
      if (path.filter((p) => isCollection(p)).length > MAX_DEPTH) {
        issues.push({
          ...at(seq.range?.[0]),
          path: [],
          code: "too_deep",
          message: `nesting deeper than ${MAX_DEPTH} levels`,
        });
        return visit.BREAK;
      }
      if (seq.flow) for (const item of seq.items) if (isScalar(item)) separated(item);
      return undefined;
    },
    Scalar(_, scalar) {
      // A number such as 0.1000000000000000000001 would lose digits as a JavaScript number; keep the text
      // the author wrote when it does not survive the round trip, and let the decimal fields read it.
      scalar.value = exactValue(scalar);
      return undefined;
    },
  });
  return issues;
}

// Three digits (and maybe decimals): what follows a thousands separator.
const THOUSANDS_GROUP = /^\d{3}(\.\d*)?$/;

// The whole number around a thousands group at `start` (just after its comma): where it starts, as written.
function thousandsNumberAround(
  text: string,
  start: number,
): { start: number; written: string; groups: number[] } {
  let from = start - 1;
  while (from > 0 && /[\d,.]/.test(text[from - 1] ?? "")) from--;
  if (text[from - 1] === "-" || text[from - 1] === "+") from--;
  let to = start;
  while (to < text.length && /[\d,.]/.test(text[to] ?? "")) to++;
  const written = text.slice(from, to).replace(/,+$/, "");
  const groups: number[] = [];
  for (let i = from; i < from + written.length; i++) if (text[i] === ",") groups.push(i + 1);
  return { start: from, written, groups };
}

// The value a scalar stands for, keeping the written text of a number that a JavaScript number cannot hold.
function exactValue(scalar: Scalar): unknown {
  if (typeof scalar.value === "number" && typeof scalar.source === "string") {
    const written = scalar.source.replace(/_/g, "");
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(written) && !sameNumber(written, scalar.value)) return written;
  }
  return scalar.value;
}

function sameNumber(written: string, value: number): boolean {
  // Compare the digits: "1.50" and 1.5 are the same number; "0.1000000000000000000001" and 0.1 are not.
  const norm = (s: string) => {
    const [i = "", f = ""] = s.replace(/^\+/, "").split(".");
    const int = i.replace(/^(-?)0+(?=\d)/, "$1");
    const frac = f.replace(/0+$/, "");
    return frac ? `${int}.${frac}` : int;
  };
  return norm(written) === norm(String(value));
}

interface Located {
  path: (string | number)[];
  code: string;
  message: string;
  key?: boolean;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

// Turns a zod issue into located, readable issues (an unknown-keys issue becomes one per key).
function zodIssues(issue: z.core.$ZodIssue, data: unknown): Located[] {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)) as (string | number)[];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(PlanSchema, path, data);
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, allowed);
        const where = path.length ? ` in ${formatPath(path)}` : "";
        return {
          path: [...path, key],
          key: true,
          code: "unknown_key",
          message: `unknown key "${key}"${where}${suggestion ? `; did you mean "${suggestion}"?` : allowed.length ? `; expected one of ${allowed.join(", ")}` : ""}`,
        };
      });
    }
    case "invalid_type": {
      if (issue.input === undefined) {
        return [
          {
            path,
            code: "missing_key",
            message: `missing required key "${String(path.at(-1))}" (expected ${issue.expected})`,
          },
        ];
      }
      return [
        { path, code: "invalid_type", message: `expected ${issue.expected}, got ${describe(issue.input)}` },
      ];
    }
    case "invalid_value":
      return [
        {
          path,
          code: "invalid_value",
          message: `expected ${issue.values.map((v) => String(v)).join(" | ")}, got ${describe(issue.input)}`,
        },
      ];
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = (issue as unknown as { options: unknown[] }).options ?? [];
        const got = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        const suggestion = typeof got === "string" ? didYouMean(got, options.map(String)) : undefined;
        return [
          {
            path: [...path.filter((p) => p !== issue.discriminator), issue.discriminator],
            code: "invalid_value",
            message:
              got === undefined
                ? `missing required key "${issue.discriminator}" (one of ${options.join(", ")})`
                : `expected ${issue.discriminator} to be one of ${options.join(", ")}, got ${describe(got)}${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
          },
        ];
      }
      return [{ path, code: "invalid_value", message: `${issue.message}, got ${describe(issue.input)}` }];
    }
    case "too_small":
    case "too_big": {
      // A strict bound (`positive()`) is "more than 0", not "at least 0".
      const strict = "inclusive" in issue && issue.inclusive === false;
      const word =
        issue.code === "too_small" ? (strict ? "more than" : "at least") : strict ? "less than" : "at most";
      const what =
        issue.origin === "array"
          ? ` item${issue.code === "too_small" && Number(issue.minimum) === 1 ? "" : "s"}`
          : issue.origin === "string"
            ? " characters"
            : "";
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      return [
        {
          path,
          code: issue.code,
          message: `expected ${word} ${String(bound)}${what}, got ${describe(issue.input)}`,
        },
      ];
    }
    case "invalid_key": {
      // A record key (a measure id, a quota's measure) that is not an id: say why, not "Invalid key in record".
      const inner = issue.issues[0];
      const why = inner && "message" in inner ? inner.message : "expected an id";
      return [
        { path, key: true, code: "invalid_key", message: `${JSON.stringify(String(path.at(-1)))}: ${why}` },
      ];
    }
    case "invalid_format":
      return [
        {
          path,
          code: "invalid_format",
          message: `${issue.message.replace(/^Invalid string: /, "")}, got ${describe(issue.input)}`,
        },
      ];
    default:
      return [{ path, code: issue.code === "custom" ? "invalid_value" : issue.code, message: issue.message }];
  }
}
