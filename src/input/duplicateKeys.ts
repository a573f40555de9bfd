import { formatPath } from "../errors/index.js";
import type { FieldProblem } from "./toReject.js";

/**
 * The mark a JSON reader leaves on a record that wrote a key twice: the key paths (`amount`, `splits[0].share`)
 * written more than once. A symbol, so the record's fields, `Object.keys`, `JSON.stringify` and conditions never
 * see it; a spread copy keeps it. `Symbol.for`, so the ESM and CJS builds loaded together agree on it.
 */
export const DUPLICATE_KEYS: unique symbol = Symbol.for("compplan.duplicateKeys") as never;

/** A key written more than once in one object of a JSON text. */
export interface DuplicateKey {
  /** Index of the top-level list element holding it (0-based), or -1 when the text is not read as a list. */
  element: number;
  /** The key's path inside that element (or inside the whole value), as `splits[0].share`. */
  path: string;
}

interface Frame {
  /** Keys seen so far in an object; `undefined` for a list. */
  keys: Set<string> | undefined;
  /** The key whose value is being read (objects), or the element index (lists). */
  at: string | number;
}

/**
 * Finds every key written twice in the same object of a well-formed JSON text (`JSON.parse` keeps the last value
 * silently: `{"amount":"100","amount":"999999"}` would pay on 999,999). A single pass without building values;
 * strings are skipped by `indexOf`. With `list`, the top level is a list and each duplicate names its element.
 *
 * @param text - a well-formed JSON text (a file, or one JSON Lines line).
 * @param list - whether the top level is a list of records.
 * @returns every key written twice, with its element and path.
 * @example
 * ```ts
 * duplicateKeys('{"amount":"100","amount":"999999"}', false); // [{ element: -1, path: "amount" }]
 * ```
 */
export function duplicateKeys(text: string, list: boolean): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const frames: Frame[] = [];
  const end = text.length;
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const close = closingQuote(text, i);
      let j = close + 1;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      const top = frames[frames.length - 1];
      if (text.charCodeAt(j) === 0x3a && top?.keys) {
        const raw = text.slice(i + 1, close);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, close + 1)) as string) : raw;
        if (top.keys.has(key)) found.push(duplicate(frames, key, list));
        else top.keys.add(key);
        top.at = key;
        i = j + 1;
      } else i = close + 1;
    } else if (c === 0x7b) {
      frames.push({ keys: new Set(), at: "" });
      i++;
    } else if (c === 0x5b) {
      frames.push({ keys: undefined, at: 0 });
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      i++;
    } else {
      if (c === 0x2c) {
        const top = frames[frames.length - 1];
        if (top && !top.keys) top.at = (top.at as number) + 1;
      }
      i++;
    }
  }
  return found;
}

/**
 * How many keys the objects of a parsed JSON value hold, nested ones included. A text can hold no duplicate key
 * when it has no more key colons (see {@link keyColonCount}) than this (each key is followed by one, and each
 * parsed key was written at least once): the cheap test that spares most records the scan of {@link duplicateKeys}.
 *
 * @param value - a parsed JSON value.
 * @returns how many keys its objects hold.
 * @example
 * ```ts
 * keyCount({ id: "D-1", splits: [{ participantId: "ana", share: "1" }] }); // 4
 * ```
 */
export function keyCount(value: unknown): number {
  // A loop over a stack of nested values, not recursion: a record nested 200,000 deep parses, and must not
  // overflow the call stack here (a raw RangeError).
  let n = 0;
  const stack: object[] = [];
  let v: unknown = value;
  for (;;) {
    if (typeof v === "object" && v !== null) {
      if (Array.isArray(v)) {
        for (const element of v) if (typeof element === "object" && element !== null) stack.push(element);
      } else {
        for (const key of Object.keys(v)) {
          n++;
          const child = (v as Record<string, unknown>)[key];
          if (typeof child === "object" && child !== null) stack.push(child);
        }
      }
    }
    if (stack.length === 0) return n;
    v = stack.pop();
  }
}

/**
 * How many `:` in a JSON text follow a closing-looking quote (an unescaped `"`, maybe then spaces): an upper
 * bound on its keys, since every key's colon follows its closing quote. A colon inside a string follows an
 * escaped quote or some other character (`"10:30"`), so timestamps do not count.
 *
 * @param text - a JSON text.
 * @returns how many of its colons may follow a key.
 * @example
 * ```ts
 * keyColonCount('{"at":"10:30"}'); // 1
 * ```
 */
export function keyColonCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) {
    let j = i - 1;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 0x22) continue;
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) n++;
  }
  return n;
}

/**
 * Marks a record that wrote keys twice (see {@link DUPLICATE_KEYS}).
 *
 * @param record - the record read.
 * @param paths - the paths of the keys it wrote twice.
 * @example
 * ```ts
 * markDuplicates(record, ["amount"]);
 * ```
 */
export function markDuplicates(record: object, paths: readonly string[]): void {
  const marked = record as { [DUPLICATE_KEYS]?: string[] };
  marked[DUPLICATE_KEYS] = [...(marked[DUPLICATE_KEYS] ?? []), ...paths];
}

/**
 * The duplicate key paths a JSON reader marked on a record, if any.
 *
 * @param record - a record read by a JSON reader.
 * @returns the paths of the keys it wrote twice, or undefined.
 * @example
 * ```ts
 * duplicatesOf({ id: "D-1" }); // undefined
 * ```
 */
export function duplicatesOf(record: object): readonly string[] | undefined {
  return (record as { [DUPLICATE_KEYS]?: string[] })[DUPLICATE_KEYS];
}

function duplicate(frames: readonly Frame[], key: string, list: boolean): DuplicateKey {
  const first = list ? 1 : 0;
  const path: (string | number)[] = [];
  for (let k = first; k < frames.length - 1; k++) path.push((frames[k] as Frame).at);
  path.push(key);
  return { element: list ? ((frames[0]?.at as number) ?? -1) : -1, path: formatPath(path) };
}

// The index of the quote closing the string that opens at `open` (a quote preceded by an even run of
// backslashes).
function closingQuote(text: string, open: number): number {
  let j = text.indexOf('"', open + 1);
  while (j !== -1) {
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
  return text.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Adds a problem per key a record wrote twice (see {@link DUPLICATE_KEYS}), so the record is rejected with the
 * key as its field: which of the values was meant cannot be known.
 *
 * @param record - a record read by a JSON reader.
 * @param problems - the record's problems, added to.
 * @example
 * ```ts
 * duplicateProblems(record, problems); // problems: [{ field: "amount", message: "duplicate key \"amount\": …" }]
 * ```
 */
export function duplicateProblems(record: object, problems: FieldProblem[]): void {
  const paths = duplicatesOf(record);
  if (paths === undefined) return;
  for (const path of new Set(paths)) {
    problems.push({
      field: path,
      message: `duplicate key ${JSON.stringify(path)}: written more than once in the record; which value is meant cannot be told`,
    });
  }
}
