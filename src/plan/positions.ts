import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import { checkArgument } from "../errors/checkArgument.js";
import { keyText } from "./keyText.js";

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Finds where a key path points; see {@link positionOf}. */
export type PositionFinder = (path: readonly PropertyKey[], options?: { key?: boolean }) => Position;

/**
 * Finds where a key path points in a parsed YAML document. When the path goes further than the document
 * (a missing key), the deepest node that exists is used, so "missing key `measure`" points at the component
 * that lacks it. With `key: true` the position of the last key itself is returned (for unknown keys).
 *
 * @example
 * ```ts
 * positionOf(doc, lineCounter, ["components", 1, "rate"]); // { line: 14, column: 11 }
 * ```
 */
export function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  options: { key?: boolean } = {},
): Position {
  checkArgument("positionOf", "doc", doc, "object");
  checkArgument("positionOf", "lineCounter", lineCounter, "object");
  checkArgument("positionOf", "lineCounter.linePos", lineCounter.linePos, "function");
  checkArgument("positionOf", "path", path, "list");
  checkArgument("positionOf", "options", options, "object?");
  return positionFinder(doc, lineCounter)(path, options);
}

/**
 * {@link positionOf} for many paths in one document: each mapping's keys are indexed the first time a path
 * walks through it, so placing one issue per key of a 50,000-key mapping stays linear, not quadratic. The
 * document must not change while the finder is used.
 *
 * @param doc The parsed document.
 * @param lineCounter The line counter it was parsed with.
 * @returns A function from a key path (and `{ key: true }` for the key itself) to its line and column.
 *
 * @example
 * ```ts
 * const place = positionFinder(doc, lineCounter);
 * place(["components", 1, "rate"]); // { line: 14, column: 11 }
 * place(["measures", "bookings"], { key: true }); // where the key `bookings` is written
 * ```
 */
export function positionFinder(doc: Document, lineCounter: LineCounter): PositionFinder {
  const indexes = new Map<YAMLMap, Map<string, Pair>>();
  // Keys are matched by the text they become in the plan's data (`true` and "true" are the same key); the
  // first pair with a key wins, as duplicates are refused anyway.
  const pairOf = (map: YAMLMap, step: PropertyKey): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const text = keyText(p.key.value);
        if (!index.has(text)) index.set(text, p);
      }
      indexes.set(map, index);
    }
    return index.get(String(step));
  };
  return (path, options = {}) => {
    let node: unknown = doc.contents;
    let at: unknown = node;
    for (let i = 0; i < path.length; i++) {
      const step = path[i] as PropertyKey;
      if (isAlias(node)) break;
      if (isMap(node)) {
        const pair = pairOf(node, step);
        if (!pair) break;
        const last = i === path.length - 1;
        if (last && options.key) {
          at = pair.key;
          break;
        }
        node = pair.value ?? pair.key;
        at = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof step === "number" && node.items[step] !== undefined) {
        node = node.items[step];
        at = node;
      } else break;
    }
    const range = (at as Node | null)?.range;
    const offset = range ? range[0] : 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}
