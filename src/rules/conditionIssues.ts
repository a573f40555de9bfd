import { Decimal } from "../money/index.js";
import type { ConditionIssue } from "./ConditionError.js";
import type { CompileConditionOptions } from "./compileCondition.js";
import { customOperatorMap } from "./customOperatorMap.js";
import { describeValue } from "./describeValue.js";
import { didYouMean } from "./didYouMean.js";
import { isFactReference } from "./isFactReference.js";
import { MAX_CONDITION_DEPTH } from "./limits.js";
import type { OperatorImplementation } from "./OperatorImplementation.js";
import type { OperatorDecoratorName } from "./operatorNames.js";
import { parseFactPath } from "./parseFactPath.js";
import { resolveOperator } from "./resolveOperator.js";

type Path = (string | number)[];

const BOOLEAN_KEYS = ["all", "any", "not"] as const;
const ANNOTATION_KEYS = ["name", "priority"];
const FACT_KEYS = ["fact", "operator", "value", "path", "params", ...ANNOTATION_KEYS];
const REFERENCE_KEYS = ["fact", "path", "params"];
const NUMBER_OPERATORS = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);

/**
 * Every problem in a condition, without compiling it, each with its path inside the condition: an unknown
 * operator (with a suggestion), a fact condition missing `fact`, `operator` or `value`, an unsafe or malformed
 * `path`, an `in`/`notIn` whose literal value is not a list, a misspelt key, a wrong shape. An empty list means
 * {@link compileCondition} will accept the condition.
 *
 * Stricter than json-rules-engine on purpose, so that a condition which would silently never (or always) match
 * is reported: `any: []` (always true in json-rules-engine), two of `all`/`any`/`not` in one object (jre reads
 * one and ignores the rest), unknown keys, `equal` to a list, a number operator against `null`.
 *
 * @example
 * ```ts
 * conditionIssues({ all: [{ fact: "amount", operator: "greaterThan", value: 5 }, { fact: "stage", operator: "eq", value: "won" }] });
 * // [{ path: ["all", 1, "operator"], message: 'unknown operator "eq"; did you mean equal?' }]
 * ```
 */
export function conditionIssues(condition: unknown, options?: CompileConditionOptions): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  walk(condition, [], issues, customOperatorMap(options?.operators));
  return issues;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function suggest(key: string, candidates: readonly string[]): string {
  const guess = didYouMean(key, candidates);
  return guess ? `; did you mean ${guess}?` : "";
}

function walk(
  node: unknown,
  path: Path,
  issues: ConditionIssue[],
  custom: ReadonlyMap<string, OperatorImplementation>,
): void {
  // Nested all/any/not: each level is a key in the path (indexes are numbers). Also stops a cycle.
  let depth = 0;
  for (const step of path) if (typeof step === "string") depth++;
  if (depth > MAX_CONDITION_DEPTH) {
    issues.push({
      path,
      message: `conditions nest at most ${MAX_CONDITION_DEPTH} levels of all, any and not; flatten this one`,
    });
    return;
  }
  if (!isObject(node)) {
    issues.push({
      path,
      message: `expected a condition (an object with all, any, not, or fact/operator/value), got ${describeValue(node)}`,
    });
    return;
  }
  if (Object.hasOwn(node, "condition")) {
    issues.push({
      path: [...path, "condition"],
      message: "condition references ({ condition: name }) are not supported; write the condition inline",
    });
    return;
  }
  const booleans = BOOLEAN_KEYS.filter((key) => Object.hasOwn(node, key));
  if (booleans.length > 0) {
    booleanIssues(node, booleans, path, issues, custom);
    return;
  }
  if (!["fact", "operator", "value"].some((key) => Object.hasOwn(node, key))) {
    const keys = Object.keys(node);
    const found = keys.map((key) => {
      const guess = didYouMean(key, [...BOOLEAN_KEYS, ...FACT_KEYS]);
      return guess ? `"${key}" (did you mean ${guess}?)` : `"${key}"`;
    });
    issues.push({
      path,
      message: `expected all, any, not, or fact/operator/value; found ${found.length ? found.join(", ") : "an empty object"}`,
    });
    return;
  }
  factConditionIssues(node, path, issues, custom);
}

function booleanIssues(
  node: Record<string, unknown>,
  booleans: readonly (typeof BOOLEAN_KEYS)[number][],
  path: Path,
  issues: ConditionIssue[],
  custom: ReadonlyMap<string, OperatorImplementation>,
): void {
  if (booleans.length > 1) {
    issues.push({
      path,
      message:
        `a condition takes exactly one of all, any, not; found ${booleans.join(" and ")} ` +
        `(json-rules-engine would silently use only one); nest them instead`,
    });
  }
  for (const key of booleans) {
    const children = node[key];
    if (key === "not") {
      if (Array.isArray(children)) {
        issues.push({
          path: [...path, key],
          message: "not takes a single condition, not a list; wrap a list in all or any",
        });
      } else {
        walk(children, [...path, key], issues, custom);
      }
      continue;
    }
    if (!Array.isArray(children)) {
      issues.push({
        path: [...path, key],
        message: `${key} must be a list of conditions, got ${describeValue(children)}`,
      });
      continue;
    }
    if (key === "any" && children.length === 0) {
      issues.push({
        path: [...path, key],
        message:
          "any: [] has no alternatives (json-rules-engine treats it as always true); add conditions or remove it",
      });
    }
    for (const [index, child] of children.entries()) walk(child, [...path, key, index], issues, custom);
  }
  for (const key of Object.keys(node)) {
    if ((BOOLEAN_KEYS as readonly string[]).includes(key) || ANNOTATION_KEYS.includes(key)) continue;
    issues.push({
      path: [...path, key],
      message: FACT_KEYS.includes(key)
        ? `${key} cannot sit beside ${booleans[0]}; put the fact condition inside ${booleans[0]}`
        : `unknown key "${key}"${suggest(key, [...BOOLEAN_KEYS, ...ANNOTATION_KEYS])}`,
    });
  }
  annotationIssues(node, path, issues);
}

function annotationIssues(node: Record<string, unknown>, path: Path, issues: ConditionIssue[]): void {
  if (node.name !== undefined && typeof node.name !== "string") {
    issues.push({ path: [...path, "name"], message: `name must be text, got ${describeValue(node.name)}` });
  }
  if (node.priority !== undefined && !(typeof node.priority === "number" && node.priority >= 1)) {
    issues.push({
      path: [...path, "priority"],
      message: `priority must be a number >= 1, got ${describeValue(node.priority)}`,
    });
  }
}

function factName(
  node: Record<string, unknown>,
  path: Path,
  issues: ConditionIssue[],
  example: string,
): void {
  if (!Object.hasOwn(node, "fact")) {
    issues.push({ path, message: `missing fact: the field to read, e.g. fact: ${example}` });
  } else if (typeof node.fact !== "string") {
    issues.push({
      path: [...path, "fact"],
      message: `fact must be a field name, got ${describeValue(node.fact)}`,
    });
  } else if (node.fact === "") {
    issues.push({ path: [...path, "fact"], message: "fact is empty; write the field to read" });
  }
}

function pathAndParams(node: Record<string, unknown>, path: Path, issues: ConditionIssue[]): void {
  if (node.path !== undefined) {
    if (typeof node.path !== "string") {
      issues.push({
        path: [...path, "path"],
        message: `path must be text such as $.address.city, got ${describeValue(node.path)}`,
      });
    } else {
      const parsed = parseFactPath(node.path);
      if (!parsed.ok) issues.push({ path: [...path, "path"], message: parsed.message });
    }
  }
  if (node.params !== undefined && !isObject(node.params)) {
    issues.push({
      path: [...path, "params"],
      message: `params must be a mapping, got ${describeValue(node.params)}`,
    });
  }
}

function factConditionIssues(
  node: Record<string, unknown>,
  path: Path,
  issues: ConditionIssue[],
  custom: ReadonlyMap<string, OperatorImplementation>,
): void {
  // Reported in the order the keys are usually written: fact, operator, value, path, then the rest.
  factName(node, path, issues, "amount");
  const operator = operatorIssue(node, path, issues, custom);
  const hasValue = Object.hasOwn(node, "value");
  if (!hasValue) {
    issues.push({
      path,
      message: "missing value: what the fact is compared with (write value: null to compare with null)",
    });
  } else if (isFactReference(node.value)) {
    const reference = node.value as unknown as Record<string, unknown>;
    const at = [...path, "value"];
    factName(reference, at, issues, "quota");
    pathAndParams(reference, at, issues);
    for (const key of Object.keys(reference)) {
      if (!REFERENCE_KEYS.includes(key)) {
        issues.push({
          path: [...at, key],
          message: `unknown key "${key}" in a fact reference${suggest(key, REFERENCE_KEYS)}`,
        });
      }
    }
  } else if (operator?.builtin) {
    const problem = literalValueProblem(
      node.operator as string,
      operator.decorators,
      operator.base,
      node.value,
    );
    if (problem) issues.push({ path: [...path, "value"], message: problem });
  }
  pathAndParams(node, path, issues);
  annotationIssues(node, path, issues);
  for (const key of Object.keys(node)) {
    if (!FACT_KEYS.includes(key)) {
      issues.push({ path: [...path, key], message: `unknown key "${key}"${suggest(key, FACT_KEYS)}` });
    }
  }
}

function operatorIssue(
  node: Record<string, unknown>,
  path: Path,
  issues: ConditionIssue[],
  custom: ReadonlyMap<string, OperatorImplementation>,
): { builtin: boolean; decorators: OperatorDecoratorName[]; base: string } | undefined {
  if (!Object.hasOwn(node, "operator")) {
    issues.push({ path, message: "missing operator, e.g. operator: equal" });
    return undefined;
  }
  if (typeof node.operator !== "string" || node.operator === "") {
    issues.push({
      path: [...path, "operator"],
      message: `operator must be a name such as equal, got ${describeValue(node.operator)}`,
    });
    return undefined;
  }
  const resolved = resolveOperator(node.operator, custom);
  if (!resolved.ok) {
    issues.push({ path: [...path, "operator"], message: resolved.message });
    return undefined;
  }
  return resolved;
}

/**
 * Follows the decorators to find which literal values reach the base operator's compare side, then checks them:
 * `in` needs a list, number operators a number or text, `equal` and `contains` a single value (by identity,
 * a list or object literal never matches).
 */
function literalValueProblem(
  operator: string,
  decorators: readonly OperatorDecoratorName[],
  base: string,
  value: unknown,
): string | undefined {
  // `undefined`: the side holds the fact (unknown until evaluation).
  let compared: unknown[] | undefined = [value];
  let fact: unknown[] | undefined;
  for (const decorator of decorators) {
    if (decorator === "swap") {
      [compared, fact] = [fact, compared];
    } else if (decorator === "someValue" || decorator === "everyValue") {
      if (compared === undefined) continue;
      const lists = compared.filter(Array.isArray);
      if (lists.length !== compared.length) return `${decorator} (in "${operator}") needs a list as value`;
      compared = lists.flat();
    } else if (decorator === "someFact" || decorator === "everyFact") {
      fact = fact?.filter(Array.isArray).flat();
    }
  }
  if (compared === undefined) return undefined;
  for (const literal of compared) {
    if ((base === "in" || base === "notIn") && !Array.isArray(literal)) {
      return `${base} needs a list as value, e.g. [EMEA, APAC]; got ${describeValue(literal)}`;
    }
    if (NUMBER_OPERATORS.has(base) && !isComparable(literal)) {
      return `${base} compares with a number or a text such as a date, got ${describeValue(literal)}`;
    }
    if ((base === "equal" || base === "notEqual") && isCompound(literal)) {
      return `${base} compares single values, and ${describeValue(literal)} never equals a fact; use in to test membership`;
    }
    if ((base === "contains" || base === "doesNotContain") && isCompound(literal)) {
      return `${base} looks for one element, and a list is never an element of a fact; for several use everyValue:${base} or someValue:${base}`;
    }
  }
  return undefined;
}

function isComparable(value: unknown): boolean {
  return (
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "bigint" ||
    value instanceof Decimal
  );
}

function isCompound(value: unknown): boolean {
  return typeof value === "object" && value !== null && !(value instanceof Decimal);
}
