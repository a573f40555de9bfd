// `compplan check` warns where a plan can produce a pay period without quota for a component that measures
// attainment per period (issue 12 item 1): there it pays nothing, which the payout curve does not show.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlan, type Finding } from "../../src/check/index.js";
import { runCli } from "../../src/cli/program.js";
import { plan } from "../simulate/helpers.js";

const codes = ["zero_quota_period", "grace_without_quota"];
const warnings = (findings: Finding[]) => findings.filter((f) => codes.includes(f.code));

// The plan: seasonality [0.4, 0.3, 0.3, 0] and tiers on attainment per period.
const TEXT = `compplan: 1
id: zq
name: zq
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
targets: { quota: { bookings: 100000 } }
measures:
  bookings: { seasonality: [0.4, 0.3, 0.3, 0] }
components:
  - id: tiers
    type: commission
    measure: bookings
    over: period
    target: 10000
    tiers: { bands: [{ upTo: 0.5, rate: 0 }, { upTo: 1, multiplier: 2 }, { multiplier: 4 }] }
`;

const component = (over: string, tiers = "tiers: { bands: [{ upTo: 1, rate: 0.05 }, { rate: 0.1 }] }") => `
  targets: { quota: { bookings: 100000 } }
  measures:
    bookings: { seasonality: [0.4, 0.3, 0.3, 0] }
  components:
    - { id: c, type: commission, measure: bookings, over: ${over}, target: 10000, ${tiers} }
`;

describe("checkPlan: periods without quota", () => {
  it("warns, with the key path of the zero share, for tiers on attainment over the period", () => {
    const [f, ...more] = warnings(checkPlan(plan(component("period"))));
    expect(more).toEqual([]);
    expect(f).toMatchObject({
      severity: "warning",
      component: "c",
      code: "zero_quota_period",
      numbers: { measure: "bookings", period: "2026-Q4", share: "0" },
      path: ["measures", "bookings", "seasonality", 3],
    });
    expect(f?.message).toContain("gives 2026-Q4 a quota of 0: c measures attainment per period");
    expect(f?.message).toContain("hired later, gone earlier");
  });

  it("warns for a bonus over the period, and names the months of a quarter's share in a monthly plan", () => {
    const p = plan(
      `
      targets: { quota: { bookings: 100000 } }
      measures:
        bookings: { seasonality: [0.4, 0.3, 0.3, 0] }
      components:
        - { id: b, type: bonus, measure: bookings, over: period, target: 4000, curve: [[0, 0], [1, 1]] }
      `,
      { payPeriod: "month" },
    );
    expect(warnings(checkPlan(p)).map((f) => [f.component, f.numbers.period])).toEqual([
      ["b", "2026-10 to 2026-12"],
    ]);
  });

  it("says nothing over the year (the annual quota places the bands), on value bands, or without a zero share", () => {
    expect(warnings(checkPlan(plan(component("year"))))).toEqual([]);
    const value = "tiers: { basis: value, bands: [{ upTo: 50000, rate: 0.05 }, { rate: 0.1 }] }";
    expect(warnings(checkPlan(plan(component("period", value))))).toEqual([]);
    expect(warnings(checkPlan(plan(component("period").replace("0.3, 0]", "0.2, 0.1]"))))).toEqual([]);
  });

  it("warns that grace credits after a termination fall in a period prorated to 0", () => {
    const p = plan(
      `\n  employment: { creditAfterTermination: { days: 30 } }${component("period").replace("0.3, 0]", "0.2, 0.1]")}`,
    );
    expect(warnings(checkPlan(p))).toMatchObject([
      {
        severity: "warning",
        component: "c",
        code: "grace_without_quota",
        numbers: { measure: "bookings", days: "30" },
        path: ["employment", "creditAfterTermination", "days"],
      },
    ]);
  });
});

describe("compplan check: a warning with file:line:column", () => {
  it("points at the zero share in the file, exit 0 (a warning, not an error)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "compplan-")), "zq.yaml");
    writeFileSync(file, TEXT);
    let stdout = "";
    const code = await runCli(["check", file], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      isTTY: false,
    });
    expect(code).toBe(0);
    // Line 9 is `  bookings: { seasonality: [0.4, 0.3, 0.3, 0] }`; the fourth share, 0, is at column 44.
    expect(stdout).toContain(
      `  warning ${file}:9:44 tiers: The seasonality of bookings gives 2026-Q4 a quota of 0`,
    );
    let json = "";
    await runCli(["check", "--format", "json", file], {
      stdout: (s) => (json += s),
      stderr: () => {},
      isTTY: false,
    });
    const found = JSON.parse(json).results[0].findings.find((f: Finding) => f.code === "zero_quota_period");
    expect(found).toMatchObject({ line: 9, column: 44, path: ["measures", "bookings", "seasonality", 3] });
  });
});
