import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaText } from "../../src/cli/commands/schema.js";
import { runCli } from "../../src/cli/program.js";

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

const QUICK = [
  "examples/quickstart/plan.yaml",
  "--participants",
  "examples/quickstart/participants.csv",
  "--transactions",
  "examples/quickstart/transactions.csv",
];

describe("compplan CLI", () => {
  it("keeps schema/plan.schema.json in sync with the zod schemas", () => {
    // If this fails, run `npm run schema` and commit the result.
    expect(readFileSync("schema/plan.schema.json", "utf8")).toBe(schemaText());
  });

  it("validate: ok per valid plan, exit 0", async () => {
    const r = await cli("validate", "examples/quickstart/plan.yaml");
    expect(r).toMatchObject({ code: 0, stdout: "examples/quickstart/plan.yaml: ok\n" });
  });

  it("validate: every error as file:line:col, exit 1; --format json for machines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compplan-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "compplan: 1\nid: x\nname: X\ncurrency: usd\nyear: { start: 2026-01-01 }\npayPeriod: weekly\ncomponents: []\n",
    );
    const r = await cli("validate", bad);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual([
      `${bad}:4:11: currency: expected an ISO 4217 currency code such as USD, got "usd"`,
      `${bad}:6:12: payPeriod: expected month | quarter | half | year, got "weekly"`,
      `${bad}:7:13: components: expected at least 1 item, got a list`,
    ]);
    const json = JSON.parse((await cli("validate", "--format", "json", bad)).stdout);
    expect(json.ok).toBe(false);
    expect(json.results[0].issues).toHaveLength(3);
  });

  it("usage errors exit 2: unknown command, missing argument, missing file, bad format", async () => {
    expect((await cli("frobnicate")).code).toBe(2);
    expect((await cli("validate")).code).toBe(2);
    expect((await cli("validate", "no/such.yaml")).code).toBe(2);
    expect((await cli("validate", "--format", "xml", "examples/quickstart/plan.yaml")).code).toBe(2);
    expect((await cli("run", ...QUICK, "--period", "2026-Q5")).code).toBe(2);
  });

  it("--help everywhere exits 0", async () => {
    for (const argv of [
      ["--help"],
      ["validate", "--help"],
      ["run", "--help"],
      ["quota", "allocate", "--help"],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Usage: compplan");
    }
  });

  it("run: the quick-start statements, as a table, JSON and payroll CSV", async () => {
    const table = await cli("run", ...QUICK, "--period", "2026-Q1");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("transactions: 7 in = 5 credited + 1 excluded + 1 rejected");
    const json = JSON.parse((await cli("run", ...QUICK, "--period", "2026-Q1", "--format", "json")).stdout);
    const ana = json.statements.find((s: { participantId: string }) => s.participantId === "ana");
    // Ana's Q1 bookings: 120,000 + 45,000.50 + half of 150,000 = 240,000.50, all below 50% of 1,000,000,
    // so 240,000.50 × 4% = 9,600.02. Bonus: 240,000.50 / (1,000,000 × 0.2) = 1.2000025 → curve
    // 1 + 0.2000025 / 0.5 = 1.400005 × (80,000 × 0.25 / 4 = 5,000) = 7,000.025 → 7,000.03 half-up.
    expect(ana.lines.map((l: { amount: string }) => l.amount)).toEqual(["30000.00", "9600.02", "7000.03"]);
    expect(ana.total).toBe("46600.05");
    const csv = (await cli("run", ...QUICK, "--period", "2026-Q1", "--format", "csv")).stdout
      .trim()
      .split("\n");
    expect(csv[0]).toBe("participantId,name,plan,period,component,type,amount,currency");
    expect(csv).toContain("ana,Ana Alvarez,ae-quickstart,2026-Q1,new-business,commission,9600.02,USD");
    expect(csv).toHaveLength(1 + 3 * 3);
  });

  it("run --format json lists each deal's part, and --no-deals leaves the lists out", async () => {
    const commission = async (...extra: string[]) => {
      const json = JSON.parse(
        (await cli("run", ...QUICK, "--period", "2026-Q1", "--format", "json", ...extra)).stdout,
      );
      const ana = json.statements.find((s: { participantId: string }) => s.participantId === "ana");
      return ana.lines.find((l: { component: string }) => l.component === "new-business");
    };
    // Ana's Q1 deals at 4% (all below the first edge), in date order: T-1001 120,000 × 4% = 4,800;
    // T-1002 45,000.50 × 4% = 1,800.02; T-1004 her half, 75,000 × 4% = 3,000.
    const on = await commission();
    expect(on.deals).toEqual([
      { id: "T-1001", date: "2026-01-20", earned: "4800" },
      { id: "T-1002", date: "2026-02-11", earned: "1800.02" },
      { id: "T-1004", date: "2026-03-30", earned: "3000" },
    ]);
    const off = await commission("--no-deals");
    expect(off.deals).toEqual([]);
    expect(off.amount).toBe(on.amount);
  });

  it("explain: one participant's trace", async () => {
    const r = await cli("explain", ...QUICK, "--period", "2026-Q1", "--participant", "ben");
    expect(r.code).toBe(0);
    // Ben is hired on 2026-02-15: Feb 15..Mar 31 is 14 + 31 = 45 of 90 days.
    expect(r.stdout).toContain("× 0.5 of 2026-Q1 employed");
    expect(r.stdout).toContain("band 1");
  });

  it("quota allocate: sums exactly to the total", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compplan-"));
    const weights = join(dir, "w.csv");
    writeFileSync(weights, "id,weight\nana,1\nben,1\ncai,1\n");
    const r = await cli("quota", "allocate", "--total", "1000000", "--weights", weights, "--format", "json");
    expect(r.code).toBe(0);
    // 1,000,000 / 3 = 333,333.33 r 0.01: the first in input order takes the extra cent.
    expect(JSON.parse(r.stdout).rows.map((x: { amount: string }) => x.amount)).toEqual([
      "333333.34",
      "333333.33",
      "333333.33",
    ]);
  });
});
