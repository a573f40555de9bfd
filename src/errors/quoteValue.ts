/** How many characters of a long text an error message repeats. */
const SHOWN = 40;

/**
 * A text quoted for an error message, cut to its first 40 characters when longer, with its length: a 20 MB
 * cell must not become a 20 MB message (or be copied into every reject that repeats it).
 *
 * @param text - the value as found.
 * @returns the quoted text, or its start and length.
 * @example
 * ```ts
 * quoteValue("1,000");          // "\"1,000\""
 * quoteValue("9".repeat(1000)); // "\"9999999999999999999999999999999999999999\"… (1,000 characters)"
 * ```
 */
export function quoteValue(text: string): string {
  if (text.length <= SHOWN) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, SHOWN))}… (${text.length.toLocaleString("en-US")} characters)`;
}
