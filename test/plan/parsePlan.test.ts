import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue, PlanError, type PlanIssue } from "../../src/errors/index.js";
import { parsePlan } from "../../src/plan/index.js";

// A small valid plan; each test breaks one thing and checks the problem is reported where it is.
const VALID = `compplan: 1
id: ae
name: AE
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
targets: { base: 100000, variable: 50000, quota: { bookings: 1000000 } }
measures:
  bookings:
    when: { all: [ { fact: stage, operator: equal, value: won } ] }
    seasonality: [0.25, 0.25, 0.25, 0.25]
components:
  - { id: base, type: base }
  - id: comm
    type: commission
    measure: bookings
    share: 0.8
    tiers:
      bands: [ { upTo: 0.5, rate: 0.02 }, { upTo: 1.0, multiplier: 1 }, { multiplier: 2 } ]
    cap: { ofTarget: 3 }
  - { id: bonus, type: bonus, measure: bookings, share: 0.2, gate: 0.5, curve: [[0.5, 0], [1, 1]] }
  - { id: spiff, type: spiff, window: { from: 2026-07-01, to: 2026-09-30 }, pay: { perDeal: 500 } }
`;

function issuesOf(text: string): PlanIssue[] {
  try {
    parsePlan(text, { file: "p.yaml" });
  } catch (error) {
    if (error instanceof PlanError) return [...error.issues];
    throw error;
  }
  return [];
}

function replaced(from: string, to: string): string {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
}

describe("parsePlan", () => {
  it("returns a typed, frozen plan with defaults applied", () => {
    const plan = parsePlan(VALID, { file: "p.yaml" });
    expect(plan.rounding).toEqual({ scale: 2, mode: "half-up" });
    expect(plan.measures.bookings?.value).toBe("amount");
    expect(plan.measures.bookings?.date).toBe("closeDate");
    expect(plan.components[1]?.type === "commission" && plan.components[1].over).toBe("year");
    expect(plan.components[2]?.type === "bonus" && plan.components[2].over).toBe("period");
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.components[1])).toBe(true);
  });

  it("keeps amounts exact, as decimal strings, even beyond a double's precision", () => {
    // 24 digits, the most a number may have (MAX_DIGITS); a double holds 17.
    const plan = parsePlan(replaced("variable: 50000", "variable: 12345678901234567890.1234"));
    expect(plan.targets.variable).toBe("12345678901234567890.1234");
    expect(parsePlan(replaced("variable: 50000", 'variable: "0.1"')).targets.variable).toBe("0.1");
  });

  it("reads a measure's value written as a number as the expression of its text (a count)", () => {
    const plan = parsePlan(replaced("bookings:\n    when", "bookings:\n    value: 1\n    when"));
    expect(plan.measures.bookings?.value).toBe("1");
  });

  it("reports every shape problem at once, each with file:line:column and the key path", () => {
    const text = replaced("currency: USD", "currency: usd")
      .replace("payPeriod: quarter", "payPeriod: weekly")
      .replace("share: 0.8", "share: 0.8\n    colour: red");
    const issues = issuesOf(text);
    expect(issues.map(formatIssue)).toEqual([
      'p.yaml:4:11: currency: expected an ISO 4217 currency code such as USD, got "usd"',
      'p.yaml:6:12: payPeriod: expected month | quarter | half | year, got "weekly"',
      expect.stringMatching(
        /^p\.yaml:18:5: components\[1\]\.colour: unknown key "colour" in components\[1\]/,
      ),
    ]);
  });

  it("suggests the key a user meant", () => {
    const [issue] = issuesOf(replaced("share: 0.8", "shrae: 0.8"));
    expect(issue?.message).toContain('did you mean "share"?');
    expect(issue).toMatchObject({
      line: 17,
      column: 5,
      path: ["components", 1, "shrae"],
      code: "unknown_key",
    });
  });

  it("names the component types when one is misspelt", () => {
    const [issue] = issuesOf(replaced("type: bonus", "type: bonsu"));
    expect(issue?.message).toBe(
      'expected type to be one of base, commission, bonus, spiff, got "bonsu"; did you mean "bonus"?',
    );
  });

  it("reports a missing required key at the object that lacks it", () => {
    const [issue] = issuesOf(replaced("name: AE\n", ""));
    expect(issue).toMatchObject({ code: "missing_key", path: ["name"], line: 1, column: 1 });
    expect(issue?.message).toContain('missing required key "name"');
  });

  it("refuses values out of bounds", () => {
    expect(issuesOf(replaced("share: 0.8", "share: 1.5"))[0]?.message).toBe(
      "expected a number > 0 and <= 1, got 1.5",
    );
    expect(issuesOf(replaced("rate: 0.02", "rate: -0.02"))[0]?.message).toBe(
      "expected a number >= 0, got -0.02",
    );
    expect(issuesOf(replaced("variable: 50000", 'variable: "50,000"'))[0]?.message).toBe(
      '"50,000" is not a number: write it without thousands separators, as 50000',
    );
  });

  describe("checks beyond shape", () => {
    const cases: [string, string, string, string, RegExp][] = [
      [
        "unknown measure",
        "measure: bookings\n    share: 0.8",
        "measure: booking\n    share: 0.8",
        "unknown_reference",
        /did you mean "bookings"/,
      ],
      [
        "duplicate ids",
        "id: bonus, type: bonus",
        "id: comm, type: bonus",
        "duplicate_id",
        /already used by components\[1\]/,
      ],
      [
        "bands out of order",
        "{ upTo: 1.0, multiplier: 1 }",
        "{ upTo: 0.4, multiplier: 1 }",
        "bands_not_ordered",
        /0\.4 is not above the previous edge 0\.5/,
      ],
      [
        "band with two rates",
        "{ upTo: 0.5, rate: 0.02 }",
        "{ upTo: 0.5, rate: 0.02, multiplier: 1 }",
        "band_rate",
        /exactly one of rate or multiplier/,
      ],
      [
        "open band before the last",
        "{ upTo: 1.0, multiplier: 1 }",
        "{ multiplier: 1 }",
        "band_open",
        /only the last band/,
      ],
      [
        "closed last band",
        "{ multiplier: 2 }",
        "{ upTo: 2, multiplier: 2 }",
        "band_last_closed",
        /open-ended/,
      ],
      [
        "curve not increasing",
        "curve: [[0.5, 0], [1, 1]]",
        "curve: [[1, 0], [0.5, 1]]",
        "curve_not_increasing",
        /0\.5 is not above 1/,
      ],
      [
        "window outside the year",
        "to: 2026-09-30",
        "to: 2027-01-15",
        "window_outside_year",
        /outside the plan year/,
      ],
      [
        "window reversed",
        "from: 2026-07-01",
        "from: 2026-10-01",
        "window_order",
        /ends \(2026-09-30\) before it starts/,
      ],
      [
        "seasonality not summing to 1",
        "[0.25, 0.25, 0.25, 0.25]",
        "[0.25, 0.25, 0.25, 0.2]",
        "seasonality_sum",
        /exactly 1, got 0\.95/,
      ],
      [
        "seasonality length",
        "[0.25, 0.25, 0.25, 0.25]",
        "[0.5, 0.25, 0.25]",
        "seasonality_length",
        /expected 4, 2, 1 shares/,
      ],
      [
        "unknown operator",
        "operator: equal",
        "operator: equals",
        "invalid_condition",
        /unknown operator "equals"; did you mean equal/,
      ],
      [
        "year not starting on the 1st",
        "start: 2026-01-01",
        "start: 2026-01-15",
        "year_start",
        /first day of a month/,
      ],
      [
        "impossible date",
        "start: 2026-01-01",
        "start: 2026-02-30",
        "invalid_value",
        /2026-02-30 is not a calendar date/,
      ],
      [
        "quota for no measure",
        "quota: { bookings: 1000000 }",
        "quota: { bookings: 1000000, pipeline: 5 }",
        "unknown_reference",
        /no measure "pipeline"/,
      ],
      ["shares above 1", "share: 0.2, gate", "share: 0.3, gate", "shares_exceed_one", /sum to 1\.1/],
      [
        "ofTarget without a target",
        "share: 0.8\n",
        "\n",
        "needs_target",
        /cap\.ofTarget needs the component's target|multiplier/,
      ],
      [
        "commission without a rate",
        "    tiers:\n      bands: [ { upTo: 0.5, rate: 0.02 }, { upTo: 1.0, multiplier: 1 }, { multiplier: 2 } ]\n",
        "",
        "commission_rate",
        /needs one of rate, rates or tiers/,
      ],
      [
        "bad value expression",
        "bookings:\n    when",
        "bookings:\n    value: amount * (12\n    when",
        "invalid_expression",
        /column/,
      ],
    ];
    for (const [name, from, to, code, message] of cases) {
      it(`reports ${name}`, () => {
        const issues = issuesOf(replaced(from, to));
        const issue = issues.find((i) => i.code === code);
        expect(issue, JSON.stringify(issues)).toBeDefined();
        expect(issue?.message).toMatch(message);
        expect(issue?.line).toBeGreaterThan(0);
      });
    }

    it("reports all of them at once, in line order", () => {
      const text = replaced("operator: equal", "operator: equals").replace(
        "measure: bookings\n    share",
        "measure: x\n    share",
      );
      const issues = issuesOf(text.replace("curve: [[0.5, 0], [1, 1]]", "curve: [[1, 0], [0.5, 1]]"));
      expect(issues.map((i) => i.code)).toEqual([
        "invalid_condition",
        "unknown_reference",
        "curve_not_increasing",
      ]);
      expect(issues.map((i) => i.line)).toEqual([10, 16, 21]);
    });
  });

  it("reports a misspelt operator together with shape errors, in one round", () => {
    const issues = issuesOf(
      replaced("operator: equal", "operator: equals").replace("currency: USD", "currency: usd"),
    );
    expect(issues.map((i) => i.code)).toEqual(["invalid_format", "invalid_condition"]);
    expect(issues[1]).toMatchObject({
      line: 10,
      path: ["measures", "bookings", "when", "all", 0, "operator"],
    });
  });

  it("checks the plan's own tests: their period and the participants they expect", () => {
    const tests = `tests:
  - name: q3
    period: 2026-Q5
    participants: [ { id: ana } ]
    expect: [ { participant: anna, lines: { comm: 0 } } ]
`;
    const issues = issuesOf(VALID + tests);
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["invalid_period", 25],
      ["unknown_reference", 27],
    ]);
    expect(issues[1]?.message).toBe('no participant of this test has id "anna"; did you mean "ana"?');
  });

  describe("hostile input", () => {
    it("refuses alias bombs", () => {
      const rows = ["a: &a [x, x, x, x, x, x, x, x, x]"];
      for (let i = 0; i < 8; i++)
        rows.push(
          `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9)
            .fill(`*${i === 0 ? "a" : "bcdefghi"[i - 1]}`)
            .join(", ")}]`,
        );
      const [issue] = issuesOf(rows.join("\n"));
      expect(issue?.code).toBe("aliases");
    });
    it("refuses duplicate keys", () => {
      expect(issuesOf(replaced("id: ae\n", "id: ae\nid: other\n"))[0]).toMatchObject({
        code: "duplicate_key",
        line: 3,
      });
    });
    it("refuses __proto__ keys, and reads constructor and prototype as plain keys, without polluting anything", () => {
      expect(issuesOf(`${VALID}__proto__: { polluted: true }\n`)[0]).toMatchObject({
        code: "forbidden_key",
        line: 23,
      });
      for (const key of ["constructor", "prototype"]) {
        expect(issuesOf(`${VALID}${key}: { polluted: true }\n`)[0]).toMatchObject({
          code: "unknown_key",
          line: 23,
          message: expect.stringContaining(`unknown key "${key}"`),
        });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
    it("refuses very deep nesting quickly, flow or block", () => {
      const start = performance.now();
      expect(issuesOf(`a: ${"[".repeat(100_000)}${"]".repeat(100_000)}`)[0]?.code).toBe("too_deep");
      const block = Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
      expect(issuesOf(`${block} 1`)[0]?.code).toBe("too_deep");
      expect(performance.now() - start).toBeLessThan(5000);
    });
    it("refuses bytes that are not YAML text", () => {
      expect(issuesOf("compplan: 1\nid: \u0000")[0]).toMatchObject({ code: "not_text", line: 2, column: 5 });
      expect(issuesOf("compplan: 1\nid: \uFFFD")[0]?.code).toBe("not_text");
    });
    it("refuses unknown tags, several documents, and documents that are not a mapping", () => {
      expect(issuesOf("compplan: !!js/function 'x'\n")[0]?.code).toBe("yaml");
      expect(issuesOf("compplan: 1\n---\ncompplan: 1\n")[0]?.code).toBe("yaml");
      expect(issuesOf("- 1\n- 2\n")[0]?.code).toBe("invalid_type");
      expect(issuesOf("")[0]?.code).toBe("invalid_type");
    });
    it("refuses oversized input", () => {
      expect(issuesOf(`# ${"x".repeat(3 * 1024 * 1024)}\n`)[0]?.code).toBe("too_large");
    });
  });

  describe("messages that say what is wrong (issue 12, item 13)", () => {
    it("names a number with thousands separators inside { }, instead of a duplicate key", () => {
      const issues = issuesOf(replaced("variable: 50000", "variable: 1,000,000"));
      // "targets: { base: 100000, variable: " is 35 characters: the number starts at column 36 of line 7.
      expect(issues).toEqual([
        expect.objectContaining({
          line: 7,
          column: 36,
          code: "thousands_separator",
          message:
            "1,000,000 is not a number: YAML reads the commas inside [ ] or { } as separators between entries. " +
            "Write numbers without thousands separators: 1000000 (or put a space after the comma to write two entries)",
        }),
      ]);
      // In a list too, where [1,000] would silently be the two numbers 1 and 0. "    seasonality: [" and
      // three "0.25, " are 36 characters: the number starts at column 37.
      expect(issuesOf(replaced("[0.25, 0.25, 0.25, 0.25]", "[0.25, 0.25, 0.25, 1,000.5]"))).toEqual([
        expect.objectContaining({
          line: 11,
          column: 37,
          code: "thousands_separator",
          message: expect.stringMatching(
            /^1,000\.5 is not a number: .* without thousands separators: 1000\.5 /,
          ),
        }),
      ]);
      // Written outside { }, it is a string, refused by the decimal field with the same advice.
      const block = replaced(
        "targets: { base: 100000, variable: 50000, quota: { bookings: 1000000 } }",
        "targets:\n  variable: 1,000,000\n  quota: { bookings: 1000000 }",
      );
      expect(issuesOf(block)[0]?.message).toBe(
        '"1,000,000" is not a number: write it without thousands separators, as 1000000',
      );
    });

    it("says a SPIFF's deal limit is at least 1 when it is 0 (not 'at least 0, got 0')", () => {
      const issues = issuesOf(
        replaced("pay: { perDeal: 500 }", "pay: { perDeal: 500 }, limit: { deals: 0 }"),
      );
      expect(issues.map((i) => i.message)).toEqual(["expected at least 1, got number 0"]);
    });

    it("reports shape errors and unknown references in one round", () => {
      const text = replaced("currency: USD", "currency: usd")
        .replace("measure: bookings\n", "measure: booking\n")
        .replace("quota: { bookings: 1000000 }", "quota: { bookings: 1000000, bookngs: 5 }");
      expect(issuesOf(text).map((i) => [i.line, i.code, i.message])).toEqual([
        [4, "invalid_format", expect.stringContaining("ISO 4217")],
        [7, "unknown_reference", 'no measure "bookngs" is defined under measures; did you mean "bookings"?'],
        [16, "unknown_reference", 'no measure "booking" is defined under measures; did you mean "bookings"?'],
      ]);
    });
  });

  it("parses the bundled quick-start plan", () => {
    const plan = parsePlan(readFileSync("examples/quickstart/plan.yaml", "utf8"));
    expect(plan.id).toBe("ae-quickstart");
  });
});
