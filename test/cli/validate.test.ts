// `compplan validate` on the plan problems of issue 12 (items 3, 7, 8, 13): every problem in one round, each as
// file:line:column, exit 1; never a crash (exit 70).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";

async function validate(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "compplan-validate-"));
  const file = join(dir, "plan.yaml");
  writeFileSync(file, text);
  let stdout = "";
  let stderr = "";
  const code = await runCli(["validate", file], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
  });
  return {
    code,
    lines: stdout
      .trim()
      .split("\n")
      .map((l) => l.replace(`${file}:`, "")),
    stderr,
  };
}

const HEAD = `compplan: 1
id: p
name: P
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
`;

describe("compplan validate", () => {
  it("reports shape errors and an unknown measure in one round", async () => {
    const r = await validate(`${HEAD}measures:
  bookings: {}
components:
  - { id: c, type: commission, measure: booking, rate: abc }
  - { id: s, type: spiff, window: { from: 2026-01-01, to: 2026-03-31 }, pay: { perDeal: 50 }, limit: { deals: 0 } }
`);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      '10:41: components[0].measure: no measure "booking" is defined under measures; did you mean "bookings"?',
      '10:56: components[0].rate: expected a decimal number such as 1000.50, got "abc"',
      "11:111: components[1].limit.deals: expected at least 1, got number 0",
    ]);
  });

  it("refuses keys that become the same text, numbers with thousands separators, and measures named constructor that do not exist", async () => {
    const dup = await validate(
      `${HEAD}measures:\n  true: {}\n  "true": {}\ncomponents:\n  - { id: c, type: commission, measure: "true", rate: 0.1 }\n`,
    );
    expect(dup.code).toBe(1);
    expect(dup.lines).toEqual([
      '9:3: duplicate key "true" (first at line 8, column 3, written true): each key may appear once in a mapping, and keys are compared as the text they become',
    ]);
    const thousands = await validate(
      `${HEAD}targets: { variable: 1,000,000 }\ncomponents: [{ id: b, type: base }]\n`,
    );
    expect(thousands.lines).toEqual([expect.stringMatching(/^7:22: 1,000,000 is not a number: /)]);
    const ctor = await validate(
      `${HEAD}components: [{ id: c, type: commission, measure: constructor, rate: 0.1 }]\n`,
    );
    expect(ctor).toMatchObject({
      code: 1,
      lines: ['7:50: components[0].measure: no measure "constructor" is defined under measures'],
    });
  });

  it("reports an expression nested 3,000 deep as a plan error, not a crash", async () => {
    const r = await validate(
      `${HEAD}measures:\n  m: { value: "${"(".repeat(3000)}amount${")".repeat(3000)}" }\ncomponents: [{ id: c, type: commission, measure: m, rate: 0.1 }]\n`,
    );
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      expect.stringMatching(
        /^8:15: measures\.m\.value: column 65 of the 6006-character expression .*: nested more than 64 levels deep/,
      ),
    ]);
    expect(r.stderr).toBe("");
  });
});
