import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import { checkArgument } from "../errors/checkArgument.js";

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

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
  let node: unknown = doc.contents;
  let at: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
      );
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
}
