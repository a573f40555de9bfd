/**
 * The same text, as one flat string. A string joined from pieces (a template literal, `+`, slices) is, in V8, a
 * tree of its pieces until something reads its characters, and it keeps every piece alive: the garbage collector
 * then copies each piece of each tree a run keeps. Reading one character flattens the tree into one string, so
 * the pieces die young. Statements keep tens of thousands of trace lines, and with attribution a line per deal.
 *
 * @example
 * ```ts
 * const line = flatText(`band ${1}: ${"42,500"} × ${"0.04"} = ${"1,700"}`); // one string, same text
 * ```
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}
