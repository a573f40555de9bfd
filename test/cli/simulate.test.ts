// compplan check, curve and simulate through runCli. These commands are registered in program.ts by
// registerCheck, registerCurve and registerSimulate; until they are, this file skips itself.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

const wired = (await cli("check", "--help")).stdout.includes("Check plan designs");

describe.skipIf(!wired)("compplan check", () => {
  it("exits 1 when a finding is an error, and says what is wrong", async () => {
    const r = await cli("check", "test/fixtures/off-target-ae.yaml", "--quiet");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("test/fixtures/off-target-ae.yaml (ae-quickstart): 1 error");
    expect(r.stdout).toContain("new-business pays 50,000 at 100% attainment, not its target of 60,000");
    expect(r.stdout).not.toContain("[cost_at]");
  });

  it("exits 0 without errors; --format json carries every finding with its numbers", async () => {
    const r = await cli("check", "plans/account-executive.yaml", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    const cost = json.results[0].findings.find(
      (f: { code: string; numbers: { attainment: string } }) =>
        f.code === "cost_at" && f.numbers.attainment === "1",
    );
    expect(cost.numbers.total).toBe("220000.00");
  });
});

describe.skipIf(!wired)("compplan curve", () => {
  it("prints a row per attainment and draws the SVG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compplan-curve-"));
    const svg = join(dir, "curve.svg");
    const r = await cli(
      "curve",
      "test/fixtures/off-target-ae.yaml",
      "--from",
      "0",
      "--to",
      "2",
      "--step",
      "0.5",
      "--format",
      "csv",
      "--svg",
      svg,
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "attainment,base-salary,new-business,q-bonus,total,effectiveRate",
      "0,120000.00,0.00,0.00,120000.00,",
      "0.5,120000.00,20000.00,0.00,140000.00,0.280000",
      "1,120000.00,50000.00,20000.00,190000.00,0.190000",
    ]);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg/);
  });
});

describe.skipIf(!wired)("compplan simulate", () => {
  const args = [
    "simulate",
    "test/fixtures/off-target-ae.yaml",
    "--runs",
    "300",
    "--participants",
    "20",
    "--seed",
    "42",
  ];

  it("gives the same numbers for the same seed", async () => {
    const first = await cli(...args, "--format", "csv");
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n")[0]).toBe("metric,mean,p10,p50,p90,min,max");
    expect((await cli(...args, "--format", "csv")).stdout).toBe(first.stdout);
    expect((await cli(...args, "--seed", "43", "--format", "csv")).stdout).not.toBe(first.stdout);
  });

  it("simulates a participants file, and compares two plans on the same draws", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compplan-sim-"));
    const people = join(dir, "people.csv");
    writeFileSync(people, "id,name,quota.bookings\nana,Ana,800000\nben,Ben,1200000\n");
    const r = await cli(
      "simulate",
      "test/fixtures/off-target-ae.yaml",
      "--participants",
      people,
      "--runs",
      "50",
      "--table",
      "participants",
      "--format",
      "json",
    );
    expect(
      JSON.parse(r.stdout).perParticipant.map((p: { participantId: string }) => p.participantId),
    ).toEqual(["ana", "ben"]);
    const same = await cli(...args, "--compare", "test/fixtures/off-target-ae.yaml");
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(
      "participant-years paid more under ae-quickstart: 0.00%, less: 0.00%, the same: 100.00%",
    );
  });

  it("refuses bad options with exit 2", async () => {
    expect((await cli(...args, "--runs", "0")).code).toBe(2);
    expect((await cli(...args, "--distribution", "uniform")).code).toBe(2);
    expect((await cli(...args, "--distribution", "resample")).code).toBe(2);
  });
});
