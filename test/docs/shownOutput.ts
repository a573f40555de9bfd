/**
 * How a doc's shown output is compared with the real output (test/docs/snippets.test.ts): trailing spaces and
 * trailing blank lines are ignored; a line that is only `…` stands for any number of lines (none included); `…`
 * inside a line stands for any text within that line. Everything else must be exactly as printed.
 */

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Lines without trailing blank lines (blank: nothing but spaces). */
function withoutTrailingBlanks(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out.at(-1)!.trim() === "") out.pop();
  return out;
}

/**
 * The shown output's lines as one anchored pattern over the real output (lines ending in "\n"). Trailing spaces
 * are allowed on every line, so they are ignored on both sides (also where a `…` at a line's end stands for
 * nothing and leaves a space before it).
 */
export function outputPattern(shown: readonly string[]): RegExp {
  const parts = withoutTrailingBlanks(shown).map((line) =>
    line.trim() === "…"
      ? "(?:[^\\n]*\\n)*?"
      : `${line.trimEnd().split("…").map(escapeRegex).join("[^\\n]*?")}[ \\t]*\\n`,
  );
  return new RegExp(`^${parts.join("")}$`);
}

/** The real output as compared: each line ending in "\n", trailing blank lines dropped. */
export function normalisedOutput(output: string): string {
  return withoutTrailingBlanks(output.split("\n"))
    .map((l) => `${l}\n`)
    .join("");
}

/** Whether the output shown in a doc (its lines) is what `output` prints, under the elision rules. */
export function showsOutput(shown: readonly string[], output: string): boolean {
  const pattern = outputPattern(shown);
  const actual = normalisedOutput(output);
  // Blank lines at the end of the output are not compared, even where the doc shows one before a final `…`:
  // let its dropped blank lines back in, as many as the doc shows blank lines.
  const blanks = shown.filter((l) => l.trim() === "").length;
  for (let n = 0; n <= blanks; n++) if (pattern.test(actual + "\n".repeat(n))) return true;
  return false;
}
