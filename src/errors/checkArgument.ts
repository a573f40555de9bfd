import { ArgumentError } from "./ArgumentError.js";

/** The kinds of argument {@link checkArgument} tells apart; a trailing `?` also allows `undefined`. */
export type ArgumentKind = BaseKind | `${BaseKind}?`;
type BaseKind = "object" | "list" | "text" | "number" | "integer" | "boolean" | "function";

const EXPECTED: Record<BaseKind, string> = {
  object: "an object",
  list: "a list",
  text: "text (a string)",
  number: "a finite number",
  integer: "a whole number",
  boolean: "true or false",
  function: "a function",
};

/**
 * Checks one argument of a public function at its entry, and throws an {@link ArgumentError} naming the
 * function and the argument when it is not of the kind the types say. Checks the kind only, once per call,
 * never per record: what is inside records is checked by the readers, which reject bad records one by one.
 *
 * @param fn - the public function called, as the message names it.
 * @param argument - the argument's name (`options.period`).
 * @param value - the argument as given.
 * @param kind - what it must be; a trailing `?` also allows `undefined`.
 * @example
 * ```ts
 * checkArgument("evaluate", "options.period", 2026, "text");
 * // throws ArgumentError "evaluate: options.period: expected text (a string), got 2026"
 * ```
 */
export function checkArgument(fn: string, argument: string, value: unknown, kind: ArgumentKind): void {
  const optional = kind.endsWith("?");
  if (optional && value === undefined) return;
  const base = (optional ? kind.slice(0, -1) : kind) as BaseKind;
  if (!isKind(value, base)) {
    throw new ArgumentError(fn, argument, optional ? `${EXPECTED[base]} or nothing` : EXPECTED[base], value);
  }
}

function isKind(value: unknown, kind: BaseKind): boolean {
  switch (kind) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
    case "list":
      return Array.isArray(value);
    case "text":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isSafeInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "function":
      return typeof value === "function";
  }
}

/**
 * Checks that an argument is a list whose every element is of a kind (see {@link checkArgument}), naming the
 * first bad element (`rows[3]`). For arguments that are short lists (report rows, curve points), not records.
 *
 * @param fn - the public function called, as the message names it.
 * @param argument - the list argument's name (`rows`).
 * @param value - the argument as given.
 * @param kind - what each element must be (see {@link checkArgument}).
 * @example
 * ```ts
 * checkElements("curveTable", "rows", [null], "object"); // throws "curveTable: rows[0]: expected an object, got null"
 * ```
 */
export function checkElements(fn: string, argument: string, value: unknown, kind: ArgumentKind): void {
  checkArgument(fn, argument, value, "list");
  for (const [i, element] of (value as unknown[]).entries())
    checkArgument(fn, `${argument}[${i}]`, element, kind);
}
