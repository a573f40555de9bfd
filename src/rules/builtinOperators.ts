import { CompplanError } from "../errors/index.js";
import { Decimal } from "../money/index.js";
import { compareDecimalText } from "./compareDecimalText.js";
import { asPlainValue, compareNumeric } from "./compareNumeric.js";
import { describeValue } from "./describeValue.js";
import type { OperatorImplementation } from "./OperatorImplementation.js";
import { decimalEquals, sameValue } from "./sameValue.js";
import { DECIMAL_TEXT, toNumeric } from "./toNumeric.js";

// json-rules-engine's validator for its four number operators: the operator is false unless
// `parseFloat(fact)` is a number. Note that it accepts "12abc", "2024-01-31" and [5] (parseFloat reads a
// prefix); those then go through JavaScript's own `<`, exactly as in json-rules-engine.
function jreNumberValidator(value: unknown): boolean {
  if (typeof value === "number") return !Number.isNaN(value);
  if (typeof value === "string") return !Number.isNaN(Number.parseFloat(value));
  return !Number.isNaN(Number.parseFloat(safeString(value)));
}

// String(value) for parseFloat, or "NaN" where JavaScript cannot make a string (a symbol, an object without
// a prototype): json-rules-engine throws a TypeError there; a comparison with such a value is simply false.
function safeString(value: unknown): string {
  try {
    return `${value as string}`;
  } catch {
    return "NaN";
  }
}

// JavaScript's relational operator as json-rules-engine applies it, false instead of a TypeError when a side
// cannot be converted to a primitive (see safeString).
function safeCompare(compare: (a: unknown, b: unknown) => boolean, a: unknown, b: unknown): boolean {
  try {
    return compare(a, b);
  } catch {
    return false;
  }
}

/**
 * A number operator. Intentional difference from json-rules-engine: when both sides are numeric (finite
 * numbers, Decimals, bigints or decimal strings like "1000.50"), they are compared as exact decimals. jre
 * compares with JavaScript's `<`, so two strings compare as text ("10" < "9") and a string against a number
 * loses precision as a float ("10000000000000000.01" > 10000000000000000 is false). When one side is not
 * numeric (a date string, "12abc", null), jre's own rule applies unchanged: validator, then JavaScript's
 * operator, with a Decimal read as the nearest double.
 */
function numberOperator(
  accepts: (sign: number) => boolean,
  jsCompare: (a: unknown, b: unknown) => boolean,
): OperatorImplementation {
  return {
    evaluate(a, b) {
      if (!jreNumberValidator(a)) return false;
      const x = toNumeric(a);
      const y = x === undefined ? undefined : toNumeric(b);
      if (x !== undefined && y !== undefined) return accepts(compareNumeric(x, y));
      return safeCompare(jsCompare, asPlainValue(a), asPlainValue(b));
    },
    bind(b) {
      const plainB = asPlainValue(b);
      const fallback = (a: unknown) =>
        jreNumberValidator(a) && safeCompare(jsCompare, asPlainValue(a), plainB);
      const y = toNumeric(b); // parsed once, not per fact
      if (y === undefined) return fallback;
      // Prepared once so that the two common facts, a number and a decimal string, compare without building a
      // Decimal: the literal as canonical text, and as a double when it is exactly one (comparing two doubles
      // is exact, see compareNumeric).
      const yText = (typeof y === "number" ? new Decimal(y) : y).toString();
      const yDouble = typeof y === "number" ? y : exactDouble(y);
      return (a) => {
        if (typeof a === "number" && Number.isFinite(a)) {
          return accepts(
            yDouble !== undefined ? (a < yDouble ? -1 : a > yDouble ? 1 : 0) : compareNumeric(a, y),
          );
        }
        if (typeof a === "string" && DECIMAL_TEXT.test(a)) return accepts(compareDecimalText(a, yText));
        const x = toNumeric(a);
        return x !== undefined ? accepts(compareNumeric(x, y)) : fallback(a);
      };
    },
  };
}

// The double whose value is exactly `value`, if there is one (1000.5 yes, 0.1 yes as the double written
// "0.1", 10000000000000000.01 no).
function exactDouble(value: Decimal): number | undefined {
  const double = value.toNumber();
  return Number.isFinite(double) && new Decimal(double).eq(value) ? double : undefined;
}

/**
 * `list.indexOf(item) > -1` as json-rules-engine tests membership (strict identity, holes skipped, NaN never
 * found), extended by {@link sameValue} so a Decimal matches an equal number or decimal string.
 */
function includesSame(list: readonly unknown[], item: unknown): boolean {
  if (list.indexOf(item) > -1) return true;
  if (item instanceof Decimal) return list.some((element) => decimalEquals(item, element));
  if (toNumeric(item) === undefined) return false;
  return list.some((element) => element instanceof Decimal && decimalEquals(item, element));
}

// `in`/`notIn` on a list that is not a literal (a fact reference). json-rules-engine calls `value.indexOf(fact)`:
// on a string that is a substring search, which is kept; on anything else it throws a TypeError, which
// compplan turns into an error that says what was found.
function membership(list: unknown, item: unknown, operator: string): boolean {
  if (Array.isArray(list)) return includesSame(list, item);
  if (typeof list === "string") return list.indexOf(String(item)) > -1;
  throw new CompplanError(
    "CONDITION_EVALUATION",
    `${operator}: the value to look in must be a list, got ${describeValue(list)}`,
  );
}

// A literal list prepared once: a Set for the common case (Set.has is SameValueZero, which differs from
// indexOf only on NaN, handled first), and the few elements that need a decimal comparison.
function bindMembership(list: unknown): ((item: unknown) => boolean) | undefined {
  if (!Array.isArray(list)) return undefined;
  const members = new Set<unknown>();
  // `i in list` skips holes, as indexOf does.
  for (let i = 0; i < list.length; i++) if (i in list) members.add(list[i]);
  const decimals = list.filter((element) => element instanceof Decimal);
  const numerics = list.filter((element) => toNumeric(element) !== undefined);
  return (item) => {
    if (typeof item === "number" && Number.isNaN(item)) return false;
    if (members.has(item)) return true;
    if (item instanceof Decimal) return numerics.some((element) => decimalEquals(item, element));
    return decimals.length > 0 && decimals.some((element) => decimalEquals(item, element));
  };
}

function bindEqual(b: unknown): (a: unknown) => boolean {
  if (b instanceof Decimal) return (a) => sameValue(a, b);
  return (a) => a === b || (a instanceof Decimal && decimalEquals(a, b));
}

/**
 * json-rules-engine's ten default operators, with compplan's decimal-exact reading of numbers (see
 * {@link sameValue} and the number operators above).
 *
 * @example
 * ```ts
 * builtinOperators.get("greaterThan")?.evaluate("1000.50", 1000); // true
 * ```
 */
export const builtinOperators: ReadonlyMap<string, OperatorImplementation> = new Map<
  string,
  OperatorImplementation
>([
  ["equal", { evaluate: sameValue, bind: bindEqual }],
  [
    "notEqual",
    {
      evaluate: (a, b) => !sameValue(a, b),
      bind: (b) => {
        const equal = bindEqual(b);
        return (a) => !equal(a);
      },
    },
  ],
  [
    "in",
    {
      evaluate: (a, b) => membership(b, a, "in"),
      bind: (b) => bindMembership(b) ?? ((a) => membership(b, a, "in")),
    },
  ],
  [
    "notIn",
    {
      evaluate: (a, b) => !membership(b, a, "notIn"),
      bind: (b) => {
        const has = bindMembership(b);
        return has ? (a) => !has(a) : (a) => !membership(b, a, "notIn");
      },
    },
  ],
  // contains/doesNotContain: json-rules-engine validates the fact with Array.isArray, so both are false when
  // the fact is not a list (a string fact is *not* searched).
  ["contains", { evaluate: (a, b) => Array.isArray(a) && includesSame(a, b) }],
  ["doesNotContain", { evaluate: (a, b) => Array.isArray(a) && !includesSame(a, b) }],
  [
    "lessThan",
    numberOperator(
      (sign) => sign < 0,
      (a, b) => (a as number) < (b as number),
    ),
  ],
  [
    "lessThanInclusive",
    numberOperator(
      (sign) => sign <= 0,
      (a, b) => (a as number) <= (b as number),
    ),
  ],
  [
    "greaterThan",
    numberOperator(
      (sign) => sign > 0,
      (a, b) => (a as number) > (b as number),
    ),
  ],
  [
    "greaterThanInclusive",
    numberOperator(
      (sign) => sign >= 0,
      (a, b) => (a as number) >= (b as number),
    ),
  ],
]);
