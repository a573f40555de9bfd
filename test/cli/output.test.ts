// Output: JSON streamed chunk by chunk (issue 12, item 9) and output paths checked before anything is
// computed (item 11).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { evaluate } from "../../src/evaluate/index.js";
import { readRecords } from "../../src/input/index.js";
import { loadPlan } from "../../src/plan/index.js";
import { cli, QUICK } from "./helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "compplan-out-"));

describe("run --format json is streamed", () => {
  it("writes the same bytes as JSON.stringify(result, null, 2) of the same evaluation", async () => {
    const participants = readRecords("examples/quickstart/participants.csv");
    const transactions = readRecords("examples/quickstart/transactions.csv");
    const result = evaluate([loadPlan("examples/quickstart/plan.yaml")], {
      participants: participants.rows,
      transactions: transactions.rows,
      period: "2026-Q1",
      strict: false,
      deals: true,
      sources: { participants: participants.source, transactions: transactions.source },
    });
    const expected = `${JSON.stringify(result, null, 2)}\n`;
    const r = await cli("run", ...QUICK, "--period", "2026-Q1", "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    const file = join(tmp(), "run.json");
    expect((await cli("run", ...QUICK, "--period", "2026-Q1", "--format", "json", "--out", file)).code).toBe(
      0,
    );
    expect(readFileSync(file, "utf8")).toBe(expected);
  });

  it("waits for stdout to drain when a write says it is full, and loses nothing", async () => {
    let stdout = "";
    let writes = 0;
    let drains = 0;
    const code = await runCli(["run", ...QUICK, "--period", "2026-Q1", "--format", "json"], {
      stdout: (s) => {
        stdout += s;
        writes++;
        return false; // always full: every write is followed by a drain
      },
      stderr: () => {},
      isTTY: false,
      drain: async () => {
        drains++;
      },
    });
    expect(code).toBe(0);
    expect(drains).toBe(writes);
    expect(JSON.parse(stdout).statements).toHaveLength(3);
  });
});

describe("output paths are checked before computing (exit 2)", () => {
  // Each command with --out or --svg, with a data file that does not exist: the output path is checked first,
  // so the message is about the path and nothing was read or computed.
  const dir = tmp();
  const missing = join(dir, "missing-folder", "x.out");
  const commands: [string, string[]][] = [
    ["run", ["run", ...QUICK.slice(0, 3), "--transactions", "no/such.csv", "--period", "2026-Q1"]],
    [
      "attainment",
      ["attainment", ...QUICK.slice(0, 3), "--transactions", "no/such.csv", "--as-of", "2026-03-31"],
    ],
    ["check", ["check", "no/such.yaml"]],
    ["curve", ["curve", "no/such.yaml"]],
    ["quota allocate", ["quota", "allocate", "--total", "100", "--weights", "no/such.csv"]],
    ["schema", ["schema"]],
    ["simulate", ["simulate", "no/such.yaml"]],
  ];
  for (const [name, argv] of commands) {
    it(`${name} --out in a folder that does not exist`, async () => {
      const r = await cli(...argv, "--out", missing);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `compplan: --out ${missing}: folder ${join(dir, "missing-folder")} does not exist; create it first\n`,
      );
    });
  }

  it("curve --svg in a folder that does not exist, --out a folder, a path through a file", async () => {
    const svg = await cli("curve", "examples/quickstart/plan.yaml", "--svg", missing);
    expect(svg.code).toBe(2);
    expect(svg.stderr).toContain(`--svg ${missing}: folder`);
    const folder = await cli("schema", "--out", dir);
    expect(folder).toMatchObject({
      code: 2,
      stderr: `compplan: --out ${dir}: is a folder; give a file name inside it\n`,
    });
    const file = join(dir, "a.csv");
    writeFileSync(file, "x");
    const through = await cli("schema", "--out", join(file, "x.json"));
    expect(through).toMatchObject({
      code: 2,
      stderr: `compplan: --out ${join(file, "x.json")}: ${file} is not a folder\n`,
    });
    expect((await cli("schema", "--out", " ")).code).toBe(2);
  });

  it.skipIf(process.getuid?.() === 0)("a folder that cannot be written", async () => {
    const locked = join(tmp(), "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const r = await cli("schema", "--out", join(locked, "s.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("permission denied");
  });

  it.skipIf(!existsSync("/dev/full"))(
    "a write that fails after the check exits 1 with a message, no stack",
    async () => {
      const r = await cli("schema", "--out", "/dev/full");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^compplan: cannot write \/dev\/full: ENOSPC/);
      expect(existsSync("/dev/full")).toBe(true);
    },
  );
});
