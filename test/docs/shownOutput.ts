/**
 * How a doc's shown output is compared with the real output (test/docs/snippets.test.ts): trailing spaces
 * ignored; a line that is only `…` stands for any number of lines (none included); `…` inside a line stands for
 * any text within that line. Everything else must be exactly as printed.
 */

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Lines as compared: trailing spaces of each line and trailing blank lines dropped. */
function comparedLines(lines: readonly string[]): string[] {
  const out = lines.map((l) => l.trimEnd());
  while (out.length > 0 && out.at(-1) === "") out.pop();
  return out;
}

/** The shown output's lines as one anchored pattern over the real output (lines ending in "\n"). */
export function outputPattern(shown: readonly string[]): RegExp {
  const parts = comparedLines(shown).map((line) =>
    line.trim() === "…" ? "(?:[^\\n]*\\n)*?" : `${line.split("…").map(escapeRegex).join("[^\\n]*?")}\\n`,
  );
  return new RegExp(`^${parts.join("")}$`);
}

/** The real output as compared: each line ending in "\n", trailing spaces and trailing blank lines dropped. */
export function normalisedOutput(output: string): string {
  return comparedLines(output.split("\n"))
    .map((l) => `${l}\n`)
    .join("");
}

/** Whether the output shown in a doc (its lines) is what `output` prints, under the elision rules. */
export function showsOutput(shown: readonly string[], output: string): boolean {
  return outputPattern(shown).test(normalisedOutput(output));
}
