import { LineCounter, parseDocument } from "yaml";
import { checkArgument } from "../errors/checkArgument.js";
import { type Position, positionFinder } from "./positions.js";

/**
 * Where key paths point in a plan's YAML text: the text is parsed once, and each path is then found with
 * {@link positionFinder} (each mapping indexed once). For reports about a plan that was already validated (design checks), which keep key paths
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
  checkArgument("pathLocator", "text", text, "text");
  const lineCounter = new LineCounter();
  const find = positionFinder(parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter);
  return (path) => {
    checkArgument("pathLocator", "path", path, "list");
    return find(path);
  };
}
