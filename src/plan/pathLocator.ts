import { LineCounter, parseDocument } from "yaml";
import { type Position, positionOf } from "./positions.js";

/**
 * Where key paths point in a plan's YAML text: the text is parsed once, and each path is then found with
 * {@link positionOf}. For reports about a plan that was already validated (design checks), which keep key paths
 * rather than positions.
 *
 * @param text - the plan file's text.
 * @returns a function from a key path to its 1-based line and column.
 * @example
 * ```ts
 * import { pathLocator } from "compplan";
 * const at = pathLocator("measures:\n  bookings: { seasonality: [0.5, 0.5] }\n");
 * at(["measures", "bookings", "seasonality", 1]); // { line: 2, column: 34 }
 * ```
 */
export function pathLocator(text: string): (path: readonly (string | number)[]) => Position {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return (path) => positionOf(doc, lineCounter, path);
}
