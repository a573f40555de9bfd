/** The elision rules of the docs' shown output: `…` hides lines or text, and hides nothing else. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { showsOutput } from "./shownOutput.js";

// Lines of printable text without "…" (the real output may hold "…" too: see the last property).
const line = fc.string({
  unit: fc.constantFrom("a", "b", " ", "│", "─", "(", ".", "*", "$", "1", "\\"),
  maxLength: 12,
});
const lines = fc.array(line, { minLength: 1, maxLength: 12 });
const replaced = (list: string[], k: number, text: string) => list.map((l, i) => (i === k ? text : l));

describe("shown output with elisions", () => {
  it("matches the output it was copied from, with any run of lines replaced by a … line", () => {
    fc.assert(
      fc.property(lines, fc.nat(), fc.nat(), (output, a, b) => {
        const from = a % (output.length + 1);
        const to = from + (b % (output.length - from + 1));
        const shown = [...output.slice(0, from), "…", ...output.slice(to)];
        expect(showsOutput(shown, output.join("\n"))).toBe(true);
        expect(showsOutput(output, output.join("\n"))).toBe(true);
      }),
    );
  });

  it("matches with any part of a line replaced by …", () => {
    fc.assert(
      fc.property(lines, fc.nat(), fc.nat(), fc.nat(), (output, i, a, b) => {
        const k = i % output.length;
        const text = output[k]!;
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        const shown = replaced(output, k, `${text.slice(0, from)}…${text.slice(to)}`);
        expect(showsOutput(shown, output.join("\n"))).toBe(true);
      }),
    );
  });

  it("fails when a shown line is not printed: a changed, added or dropped line", () => {
    fc.assert(
      fc.property(lines, fc.nat(), (output, i) => {
        const k = i % output.length;
        const printed = output.join("\n");
        expect(showsOutput(replaced(output, k, `${output[k]!.trimEnd()}x`), printed)).toBe(false);
        expect(showsOutput([...output.slice(0, k), "x", ...output.slice(k)], printed)).toBe(false);
        // A dropped line is a failure unless it was blank at the end (trailing blank lines are not compared).
        const dropped = [...output.slice(0, k), ...output.slice(k + 1)];
        if (output.slice(k).some((l) => l.trim() !== "")) expect(showsOutput(dropped, printed)).toBe(false);
      }),
    );
  });

  it("does not let … in a line reach into the next line", () => {
    expect(showsOutput(["a…c"], "ab\nc")).toBe(false);
    expect(showsOutput(["a…", "c"], "ab\nc")).toBe(true);
    expect(showsOutput(["…"], "anything\nat all")).toBe(true);
    expect(showsOutput(["x", "…", "y"], "x\ny")).toBe(true);
    expect(showsOutput(["x", "…"], "y\nx")).toBe(false);
    expect(showsOutput(["x", "", "…"], "x\n\n")).toBe(true);
    expect(showsOutput(["x", "", "y"], "x\ny")).toBe(false);
  });
});
